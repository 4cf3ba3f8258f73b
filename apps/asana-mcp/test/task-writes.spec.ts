import { outputOf, resultError, resultJson, servedTools, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { asanaTools } from '../src/tools';
import { asanaApp } from '../src/app';
import { asanaData, asanaError, callTool, configuredEnv, route } from './fake-upstream';
import { taskDetail } from './fixtures/asana';

const TASK = '1200000000001001';
const SECTION = '1200000000000201';
const WRITES = ['create_task', 'update_task', 'move_task_to_section', 'update_task_dependencies', 'add_comment'];

describe('the write tools and read-only mode', () => {
  it('serves every write by default and none with MCP_READ_ONLY=true', async () => {
    expect(await servedTools(asanaApp, configuredEnv)).toEqual(expect.arrayContaining(WRITES));
    const readOnly = await servedTools(asanaApp, { ...configuredEnv, MCP_READ_ONLY: 'true' });
    expect(readOnly.filter((name) => WRITES.includes(name))).toEqual([]);
    expect(readOnly).toEqual(expect.arrayContaining(['list_projects', 'list_sections', 'list_users', 'search_tasks']));
  });

  it.each([
    ['move_task_to_section', { taskGid: TASK, sectionGid: SECTION }],
    ['update_task_dependencies', { taskGid: TASK, add: ['1200000000001002'] }],
  ])('%s cannot be called in read-only mode: the server does not know it', async (tool, args) => {
    await expect(callTool(tool, args, { ...configuredEnv, MCP_READ_ONLY: 'true' })).rejects.toThrow(`Tool ${tool} not found`);
  });
});

describe('move_task_to_section', () => {
  const fake = useFakeUpstream();

  it('posts the task to the section once, with its place', async () => {
    const move = route('post', `/sections/${SECTION}/addTask`, () => asanaData({}));
    fake.use(move.handler);
    const result = await callTool('move_task_to_section', { taskGid: TASK, sectionGid: SECTION, insertAfter: '1200000000001002' });

    expect(move.received.map(({ body }) => body)).toEqual([{ data: { task: TASK, insert_after: '1200000000001002' } }]);
    expect(resultJson(result)).toEqual({ taskGid: TASK, sectionGid: SECTION, moved: true });
    structuredContent(result, outputOf(asanaTools, 'move_task_to_section'));
  });

  it('is sent once: a 5xx is reported, not retried', async () => {
    const move = route('post', `/sections/${SECTION}/addTask`, () => asanaError(503, 'Service Unavailable'));
    fake.use(move.handler);
    expect(resultError(await callTool('move_task_to_section', { taskGid: TASK, sectionGid: SECTION }))).toBe(
      'upstream_error: Asana failed (HTTP 503): Service Unavailable.',
    );
    expect(move.received).toHaveLength(1);
  });

  it("turns a 404 (unknown section) into not_found with Asana's message", async () => {
    fake.use(route('post', '/sections/999/addTask', () => asanaError(404, 'section: Unknown object: 999')).handler);
    expect(resultError(await callTool('move_task_to_section', { taskGid: TASK, sectionGid: '999' }))).toBe(
      'not_found: Asana found nothing there (HTTP 404): section: Unknown object: 999.',
    );
  });

  it('turns a 403 into forbidden', async () => {
    fake.use(route('post', `/sections/${SECTION}/addTask`, () => asanaError(403, 'Forbidden')).handler);
    expect(resultError(await callTool('move_task_to_section', { taskGid: TASK, sectionGid: SECTION }))).toBe(
      'forbidden: Asana denied access (HTTP 403): Forbidden.',
    );
  });

  it('refuses insertBefore with insertAfter before calling Asana', async () => {
    expect(
      resultError(await callTool('move_task_to_section', { taskGid: TASK, sectionGid: SECTION, insertBefore: '1', insertAfter: '2' })),
    ).toBe('invalid_input: give insertBefore or insertAfter, not both');
  });
});

describe('update_task_dependencies', () => {
  const fake = useFakeUpstream();

  it('adds and removes dependencies, each request once', async () => {
    const add = route('post', `/tasks/${TASK}/addDependencies`, () => asanaData({}));
    const remove = route('post', `/tasks/${TASK}/removeDependencies`, () => asanaData({}));
    fake.use(add.handler, remove.handler);
    const result = await callTool('update_task_dependencies', {
      taskGid: TASK,
      add: ['1200000000001002', '1200000000001003'],
      remove: ['1200000000001004'],
    });

    expect(add.received.map(({ body }) => body)).toEqual([{ data: { dependencies: ['1200000000001002', '1200000000001003'] } }]);
    expect(remove.received.map(({ body }) => body)).toEqual([{ data: { dependencies: ['1200000000001004'] } }]);
    expect(resultJson(result)).toEqual({ taskGid: TASK, added: ['1200000000001002', '1200000000001003'], removed: ['1200000000001004'] });
    structuredContent(result, outputOf(asanaTools, 'update_task_dependencies'));
  });

  it('is sent once: a 5xx is reported, not retried', async () => {
    const add = route('post', `/tasks/${TASK}/addDependencies`, () => asanaError(500, 'Server Error'));
    fake.use(add.handler);
    expect(resultError(await callTool('update_task_dependencies', { taskGid: TASK, add: ['1200000000001002'] }))).toMatch(
      /^upstream_error: Asana failed \(HTTP 500\)/,
    );
    expect(add.received).toHaveLength(1);
  });

  it("turns a 404 into not_found with Asana's message", async () => {
    fake.use(route('post', '/tasks/999/removeDependencies', () => asanaError(404, 'task: Unknown object: 999')).handler);
    expect(resultError(await callTool('update_task_dependencies', { taskGid: '999', remove: ['1200000000001002'] }))).toBe(
      'not_found: Asana found nothing there (HTTP 404): task: Unknown object: 999.',
    );
  });

  it('turns 402 (dependencies on a free plan) into forbidden', async () => {
    fake.use(route('post', `/tasks/${TASK}/addDependencies`, () => asanaError(402, 'This feature is only available to premium users')).handler);
    expect(resultError(await callTool('update_task_dependencies', { taskGid: TASK, add: ['1200000000001002'] }))).toBe(
      'forbidden: Asana requires a paid plan for this (HTTP 402): This feature is only available to premium users.',
    );
  });

  it('refuses a call with nothing to change before calling Asana', async () => {
    expect(resultError(await callTool('update_task_dependencies', { taskGid: TASK }))).toBe(
      'invalid_input: nothing to change: give add or remove (task gids)',
    );
  });
});

describe('tags on create_task and update_task', () => {
  const fake = useFakeUpstream();

  it('create_task sends the tag gids as tags', async () => {
    const create = route('post', '/tasks', () => asanaData(taskDetail(TASK), undefined, 201));
    fake.use(create.handler);
    await callTool('create_task', { name: 'Buy catnip', workspaceGid: '1200000000000010', tagGids: ['1200000000000300'] });
    expect(create.received[0]?.body).toEqual({ data: { name: 'Buy catnip', workspace: '1200000000000010', tags: ['1200000000000300'] } });
  });

  it('update_task adds and removes tags one request each, then PUTs the fields and returns the task', async () => {
    const addTag = route('post', `/tasks/${TASK}/addTag`, () => asanaData({}));
    const removeTag = route('post', `/tasks/${TASK}/removeTag`, () => asanaData({}));
    const put = route('put', `/tasks/${TASK}`, () => asanaData(taskDetail(TASK, { completed: true })));
    fake.use(addTag.handler, removeTag.handler, put.handler);
    const result = await callTool('update_task', {
      taskGid: TASK,
      completed: true,
      addTagGids: ['1200000000000300', '1200000000000301'],
      removeTagGids: ['1200000000000302'],
    });

    expect(addTag.received.map(({ body }) => body)).toEqual([{ data: { tag: '1200000000000300' } }, { data: { tag: '1200000000000301' } }]);
    expect(removeTag.received.map(({ body }) => body)).toEqual([{ data: { tag: '1200000000000302' } }]);
    expect(put.received.map(({ body }) => body)).toEqual([{ data: { completed: true } }]);
    expect(resultJson(result)).toMatchObject({ gid: TASK, completed: true, tags: [{ gid: '1200000000000300', name: 'Pets' }] });
  });

  it('update_task with tags only reads the task back instead of an empty PUT', async () => {
    const addTag = route('post', `/tasks/${TASK}/addTag`, () => asanaData({}));
    const get = route('get', `/tasks/${TASK}`, () => asanaData(taskDetail(TASK)));
    fake.use(addTag.handler, get.handler);
    const result = await callTool('update_task', { taskGid: TASK, addTagGids: ['1200000000000300'] });
    expect(addTag.received).toHaveLength(1);
    expect(get.received).toHaveLength(1);
    expect(resultJson(result)).toMatchObject({ gid: TASK, tags: [{ gid: '1200000000000300', name: 'Pets' }] });
  });

  it('a tag write is sent once: a 5xx is reported and nothing else is sent', async () => {
    const addTag = route('post', `/tasks/${TASK}/addTag`, () => asanaError(503, 'Service Unavailable'));
    fake.use(addTag.handler);
    expect(resultError(await callTool('update_task', { taskGid: TASK, name: 'x', addTagGids: ['1200000000000300'] }))).toBe(
      'upstream_error: Asana failed (HTTP 503): Service Unavailable.',
    );
    expect(addTag.received).toHaveLength(1);
  });

  it("turns a 404 (unknown tag) into not_found with Asana's message", async () => {
    fake.use(route('post', `/tasks/${TASK}/addTag`, () => asanaError(404, 'tag: Unknown object: 999')).handler);
    expect(resultError(await callTool('update_task', { taskGid: TASK, addTagGids: ['999'] }))).toBe(
      'not_found: Asana found nothing there (HTTP 404): tag: Unknown object: 999.',
    );
  });
});
