import { FAULT_CASES, describeUpstreamFaults, http } from '@sophia/mcp-testing';
import { HANDLE, column, resultSet } from '../test/fake-upstream';

const token = 'pat-fault-suite-secret-000000';

describeUpstreamFaults({
  app: 'snowflake-mcp',
  env: (url) => ({ SNOWFLAKE_ACCOUNT: 'xy12345', SNOWFLAKE_TOKEN: token, SNOWFLAKE_API_URL: url }),
  handlers: [http.get('*/api/v2/statements/:handle', () => resultSet([column('ONE', 'fixed')], [['1']]))],
  calls: [{ name: 'get_query_status', arguments: { statementHandle: HANDLE } }],
  secretValues: [token],
  cases: FAULT_CASES.filter((fault) => fault.expect !== 'unauthorized' && !fault.name.includes('empty')),
});
