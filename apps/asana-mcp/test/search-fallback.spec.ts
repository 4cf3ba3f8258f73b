import { outputOf, resultError, resultJson, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { asanaTools } from '../src/tools';
import { asanaData, asanaError, callTool, route } from './fake-upstream';
import { taskSummary, user } from './fixtures/asana';

const WORKSPACE = '1200000000000010';
const SEARCH = `/workspaces/${WORKSPACE}/tasks/search`;
const FREE_PLAN = () => asanaError(402, 'Search is only available to premium users.');
const withEmail = (gid: string, name: string, email: string) => ({ ...user(gid, name), email });
const greg = withEmail('1200000000000001', 'Greg Sanchez', 'greg@example.com');
const tim = withEmail('1200000000000002', 'Tim Bizarro', 'tim@example.com');

interface FallbackPage {
  items: Array<{ gid: string }>;
  nextCursor?: string;
  note: string;
  fallback: string;
}

describe('search_tasks on a free workspace (402 from the search API)', () => {
  const fake = useFakeUpstream();

  it('falls back on typeahead by text, filters the rest itself and says so', async () => {
    const search = route('get', SEARCH, FREE_PLAN);
    const typeahead = route('get', `/workspaces/${WORKSPACE}/typeahead`, () =>
      asanaData([
        taskSummary('1', { name: 'Buy catnip', assignee: greg }),
        taskSummary('2', { name: 'Buy catnip toys', assignee: tim }),
        taskSummary('3', { name: 'Buy catnip again', assignee: greg, completed: true }),
        taskSummary('4', { name: 'Catnip late', assignee: greg, due_on: '2026-12-01' }),
      ]),
    );
    fake.use(search.handler, typeahead.handler);
    const result = await callTool('search_tasks', {
      workspaceGid: WORKSPACE,
      text: 'catnip',
      assignees: ['greg@example.com'],
      completed: false,
      dueBefore: '2026-10-01',
    });

    expect(search.received).toHaveLength(1);
    expect(typeahead.received[0]?.query).toEqual({
      resource_type: 'task',
      query: 'catnip',
      count: '100',
      opt_fields: 'name,completed,assignee.name,due_on,due_at,created_at,modified_at,permalink_url,assignee.email',
    });
    const page = resultJson<FallbackPage>(result);
    expect(page.fallback).toBe('typeahead');
    expect(page.items.map((task) => task.gid)).toEqual(['1']);
    expect(page.note).toMatch(/^Asana's search API needs a premium workspace \(it answered 402\): these come from Asana's typeahead/);
    expect(page).not.toHaveProperty('nextCursor');
    structuredContent(result, outputOf(asanaTools, 'search_tasks'));
  });

  it('falls back on listing the given projects, matching the text in names and "me" by the token\'s user', async () => {
    fake.use(
      route('get', SEARCH, FREE_PLAN).handler,
      route('get', '/users/me', () => asanaData(user('1200000000000001', 'Greg Sanchez'))).handler,
    );
    const first = route('get', '/projects/1200000000000100/tasks', () =>
      asanaData([taskSummary('1', { name: 'Buy Catnip', assignee: greg }), taskSummary('2', { name: 'Feed Mittens', assignee: greg })], 'eyJvZmZzZXQiOjF9'),
    );
    const second = route('get', '/projects/1200000000000101/tasks', () =>
      // Task 1 sits in both projects: listed once.
      asanaData([taskSummary('1', { name: 'Buy Catnip', assignee: greg }), taskSummary('5', { name: 'catnip for Tim', assignee: tim })], null),
    );
    fake.use(first.handler, second.handler);
    const result = await callTool('search_tasks', {
      workspaceGid: WORKSPACE,
      text: 'catnip',
      projects: ['1200000000000100', '1200000000000101'],
      assignees: ['me'],
      completed: false,
    });

    expect(first.received[0]?.query).toEqual(expect.objectContaining({ limit: '100', completed_since: 'now' }));
    const page = resultJson<FallbackPage>(result);
    expect(page.fallback).toBe('project_tasks');
    expect(page.items.map((task) => task.gid)).toEqual(['1']);
    // The first project had another page.
    expect(page.note).toMatch(/the tasks of the given projects .* More may match: page through list_project_tasks\.$/);
  });

  it('answers forbidden with what would work when there is neither text nor projects', async () => {
    fake.use(route('get', SEARCH, FREE_PLAN).handler);
    expect(resultError(await callTool('search_tasks', { workspaceGid: WORKSPACE, assignees: ['me'] }))).toBe(
      'forbidden: Asana requires a paid plan for this (HTTP 402): Search is only available to premium users. ' +
        "Asana's task search needs a premium workspace. On this workspace give text (matched against task names by " +
        'typeahead) or projects (their tasks are listed and filtered).',
    );
  });

  it('does not fall back on other errors: a 403 stays forbidden', async () => {
    const typeahead = route('get', `/workspaces/${WORKSPACE}/typeahead`, () => asanaData([]));
    fake.use(route('get', SEARCH, () => asanaError(403, 'Forbidden')).handler, typeahead.handler);
    expect(resultError(await callTool('search_tasks', { workspaceGid: WORKSPACE, text: 'catnip' }))).toBe(
      'forbidden: Asana denied access (HTTP 403): Forbidden.',
    );
    expect(typeahead.received).toHaveLength(0);
  });

  it("reports the fallback's own failure: an unknown project is not_found", async () => {
    fake.use(
      route('get', SEARCH, FREE_PLAN).handler,
      route('get', '/projects/999/tasks', () => asanaError(404, 'project: Unknown object: 999')).handler,
    );
    expect(resultError(await callTool('search_tasks', { workspaceGid: WORKSPACE, projects: ['999'] }))).toBe(
      'not_found: Asana found nothing there (HTTP 404): project: Unknown object: 999.',
    );
  });
});
