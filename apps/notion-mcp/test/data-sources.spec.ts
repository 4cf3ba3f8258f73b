import { HttpResponse, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, notionError, route } from './fake-upstream';
import { DATA_SOURCE_ID, PAGE_ID, list, taskPage, tasksDataSource } from './fixtures';

describe('data_sources toolset', () => {
  const fake = useFakeUpstream();

  describe('get_data_source', () => {
    it('returns the schema: columns with types, options, relations, and the title column', async () => {
      const get = route('get', `/data_sources/${DATA_SOURCE_ID}`, () => HttpResponse.json(tasksDataSource));
      fake.use(get.handler);
      // A URL works as well as an id.
      const result = await callTool('get_data_source', { dataSourceId: `https://www.notion.so/${DATA_SOURCE_ID.replace(/-/g, '')}` });

      expect(get.received).toHaveLength(1);
      expect(resultJson(result)).toEqual({
        id: DATA_SOURCE_ID,
        title: 'Tasks',
        description: 'Team tasks',
        url: 'https://www.notion.so/248104cd477e80fdb757e945d38000bd',
        parent: { type: 'database', id: '248104cd-477e-80fd-b757-e945d38000bd' },
        titleProperty: 'Name',
        properties: {
          Name: { id: 'title', type: 'title' },
          Status: { id: 'a%3Ab', type: 'status', options: ['Not started', 'In progress', 'Done'] },
          Tags: { id: 'c%3Ad', type: 'multi_select', description: 'What kind of work', options: ['urgent'] },
          Points: { id: 'g%3Ah', type: 'number', format: 'number' },
          Project: { id: 'p%3Aq', type: 'relation', relatedDataSourceId: 'ds-2' },
        },
      });
    });

    it('turns object_not_found into not_found with Notion’s hint', async () => {
      fake.use(
        route('get', `/data_sources/${DATA_SOURCE_ID}`, () =>
          notionError(
            404,
            'object_not_found',
            `Could not find data_source with ID: ${DATA_SOURCE_ID}. Make sure the relevant pages and databases are shared with your integration.`,
          ),
        ).handler,
      );
      expect(resultError(await callTool('get_data_source', { dataSourceId: DATA_SOURCE_ID }))).toBe(
        `not_found: Notion found nothing there (HTTP 404): Could not find data_source with ID: ${DATA_SOURCE_ID}. ` +
          'Make sure the relevant pages and databases are shared with your integration.',
      );
    });
  });

  describe('query_data_source', () => {
    it('passes filter and sorts through and returns rows with plain property values', async () => {
      const query = route('post', `/data_sources/${DATA_SOURCE_ID}/query`, () =>
        HttpResponse.json(list([taskPage(PAGE_ID, 'Ship v2')], null, 'page_or_data_source')),
      );
      fake.use(query.handler);
      const filter = { and: [{ property: 'Status', status: { equals: 'In progress' } }, { property: 'Done', checkbox: { equals: false } }] };
      const result = await callTool('query_data_source', {
        dataSourceId: DATA_SOURCE_ID,
        filter,
        sorts: [{ property: 'Due' }, { timestamp: 'last_edited_time', direction: 'descending' }],
        limit: 50,
      });

      expect(query.received[0]?.body).toEqual({
        filter,
        sorts: [
          { property: 'Due', direction: 'ascending' },
          { timestamp: 'last_edited_time', direction: 'descending' },
        ],
        page_size: 50,
      });
      expect(resultJson(result)).toEqual({
        items: [
          {
            object: 'page',
            id: PAGE_ID,
            title: 'Ship v2',
            url: 'https://www.notion.so/Ship-v2-598337872cf94fdf8782e53db20768a5',
            parent: { type: 'data_source', id: DATA_SOURCE_ID },
            lastEditedTime: '2025-09-12T08:30:00.000Z',
            createdTime: '2025-09-10T10:00:00.000Z',
            inTrash: false,
            properties: {
              Name: 'Ship v2',
              Status: 'In progress',
              Tags: ['urgent'],
              Due: '2025-10-01',
              Points: 3,
              Done: false,
              Owner: ['Ada Lovelace'],
              Notes: 'see spec',
            },
          },
        ],
      });
    });

    it('turns a validation_error on a bad filter into invalid_input with Notion’s message', async () => {
      fake.use(
        route('post', `/data_sources/${DATA_SOURCE_ID}/query`, () =>
          notionError(400, 'validation_error', 'Could not find property with name or id: Stage.'),
        ).handler,
      );
      const result = await callTool('query_data_source', {
        dataSourceId: DATA_SOURCE_ID,
        filter: { property: 'Stage', select: { equals: 'x' } },
      });
      expect(resultError(result)).toBe(
        'invalid_input: Notion rejected the request (HTTP 400): Could not find property with name or id: Stage.',
      );
    });

    it('rejects an id that is not a Notion id before calling Notion', async () => {
      const message = resultError(await callTool('query_data_source', { dataSourceId: 'tasks-database-please-xxxxxxxxxxxxxxx' }));
      expect(message).toMatch(/^invalid_input: invalid arguments for query_data_source:/);
      expect(message).toContain('dataSourceId');
    });
  });
});
