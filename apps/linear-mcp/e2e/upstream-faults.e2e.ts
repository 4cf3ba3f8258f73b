import { describeUpstreamFaults, http } from '@sophia/mcp-testing';
import { linearData } from '../test/fake-upstream';
import { pageInfo, teamNode } from '../test/fixtures';

const apiKey = 'lin_api_fault_suite_key_000000';

describeUpstreamFaults({
  app: 'linear-mcp',
  env: (url) => ({ LINEAR_API_KEY: apiKey, LINEAR_API_URL: `${url}/graphql` }),
  handlers: [http.post('*/graphql', () => linearData({ teams: { nodes: [teamNode('ENG', 'Engineering')], pageInfo: pageInfo() } }))],
  // A GraphQL query travels as POST; list_teams is read-only, so it is retried like a read.
  calls: [{ name: 'list_teams', arguments: {} }],
  secretValues: [apiKey],
});
