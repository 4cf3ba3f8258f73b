import { outputOf, resultError, resultJson, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { asanaTools } from '../src/tools';
import { asanaData, asanaError, callTool, route } from './fake-upstream';
import { section } from './fixtures/asana';

const PROJECT = '1200000000000100';

describe('list_sections', () => {
  const fake = useFakeUpstream();

  it('lists the sections of a project in its order', async () => {
    const list = route('get', `/projects/${PROJECT}/sections`, () =>
      asanaData([section('1200000000000200', 'Next actions'), section('1200000000000201', 'Done')], null),
    );
    fake.use(list.handler);
    const result = await callTool('list_sections', { projectGid: PROJECT, limit: 10 });

    expect(list.received[0]?.query).toEqual({ limit: '10', opt_fields: 'name' });
    expect(resultJson(result)).toEqual({
      items: [
        { gid: '1200000000000200', name: 'Next actions' },
        { gid: '1200000000000201', name: 'Done' },
      ],
    });
    structuredContent(result, outputOf(asanaTools, 'list_sections'));
  });

  it("turns a 404 into not_found with Asana's message", async () => {
    fake.use(route('get', '/projects/999/sections', () => asanaError(404, 'project: Unknown object: 999')).handler);
    expect(resultError(await callTool('list_sections', { projectGid: '999' }))).toBe(
      'not_found: Asana found nothing there (HTTP 404): project: Unknown object: 999.',
    );
  });

  it('turns a 403 into forbidden', async () => {
    fake.use(route('get', `/projects/${PROJECT}/sections`, () => asanaError(403, 'Forbidden')).handler);
    expect(resultError(await callTool('list_sections', { projectGid: PROJECT }))).toBe('forbidden: Asana denied access (HTTP 403): Forbidden.');
  });
});
