/** Snowflake SQL API v2 for run_query: a SELECT answered at once (200 ResultSet, ten typed rows) from the tests' helpers. */
import { http } from '@sophia/mcp-testing';
import { column, resultSet } from '../../../../apps/snowflake-mcp/test/fake-upstream';

const rows = Array.from({ length: 10 }, (_unused, index) => [String(index + 1), `customer ${index + 1}`, index % 2 === 0 ? 'true' : 'false']);

export const handlers = [
  http.post('*/api/v2/statements', () => resultSet([column('ID', 'fixed'), column('NAME', 'text'), column('ACTIVE', 'boolean')], rows)),
];
