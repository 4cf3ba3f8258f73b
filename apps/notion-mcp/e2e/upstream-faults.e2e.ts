import { HttpResponse, describeUpstreamFaults, http } from '@sophia/mcp-testing';
import { DATA_SOURCE_ID, tasksDataSource } from '../test/fixtures';

const token = 'ntn_fault_suite_token_000000';

describeUpstreamFaults({
  app: 'notion-mcp',
  env: (url) => ({ NOTION_TOKEN: token, NOTION_API_URL: url }),
  handlers: [http.get('*/v1/data_sources/:id', () => HttpResponse.json(tasksDataSource))],
  calls: [{ name: 'get_data_source', arguments: { dataSourceId: DATA_SOURCE_ID } }],
  secretValues: [token],
});
