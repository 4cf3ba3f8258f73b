import { describeUpstreamFaults, http } from '@sophia/mcp-testing';
import { HANDLE, column, resultSet } from '../test/fake-upstream';

const token = 'pat-fault-suite-secret-000000';
const one = () => resultSet([column('ONE', 'fixed')], [['1']]);

describeUpstreamFaults({
  app: 'snowflake-mcp',
  env: (url) => ({ SNOWFLAKE_ACCOUNT: 'xy12345', SNOWFLAKE_TOKEN: token, SNOWFLAKE_API_URL: url }),
  handlers: [http.post('*/api/v2/statements', one), http.get('*/api/v2/statements/:handle', one)],
  calls: [
    // run_query is read-only, so even its POST may be sent again (same requestId).
    { name: 'run_query', arguments: { sql: 'SELECT 1 AS one' } },
    { name: 'get_query_status', arguments: { statementHandle: HANDLE } },
  ],
  secretValues: [token],
});
