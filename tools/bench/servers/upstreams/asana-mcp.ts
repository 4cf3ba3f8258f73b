/** Asana REST 1.0 for get_task: the task, its subtasks and its stories, three requests in parallel, from the tests' fixtures. */
import { HttpResponse, http } from '@sophia/mcp-testing';
import { story, taskDetail, taskSummary, user } from '../../../../apps/asana-mcp/test/fixtures/asana';

export const TASK_GID = '1200000000001001';

const task = { data: taskDetail(TASK_GID) };
const subtasks = {
  data: [taskSummary('1200000000002001', { name: 'Find a shop' }), taskSummary('1200000000002002', { name: 'Pay', completed: true })],
  next_page: null,
};
const stories = {
  data: [
    story('1200000000003001', 'added_to_project', 'added to Stuff to buy'),
    story('1200000000003002', 'comment_added', 'Which brand?', user('1200000000000002', 'Tim Bizarro')),
    story('1200000000003003', 'comment_added', 'The one from Humboldt.'),
  ],
  next_page: null,
};

export const handlers = [
  http.get('*/tasks/:gid/subtasks', () => HttpResponse.json(subtasks)),
  http.get('*/tasks/:gid/stories', () => HttpResponse.json(stories)),
  http.get('*/tasks/:gid', () => HttpResponse.json(task)),
];
