import { FAULT_CASES, describeUpstreamFaults, faults, http } from '@sophia/mcp-testing';
import { codacyList } from '../test/fake-upstream';
import { commitIssue, organization } from '../test/fixtures/codacy';

const token = 'cdcy-fault-suite-token-0000';

describeUpstreamFaults({
  app: 'codacy-mcp',
  env: (url) => ({ CODACY_API_TOKEN: token, CODACY_API_URL: url }),
  handlers: [
    http.get('*/user/organizations', () => codacyList([organization('acme')])),
    http.post('*/analysis/organizations/gh/acme/repositories/web-app/issues/search', () => codacyList([commitIssue(1)])),
  ],
  calls: [
    { name: 'list_organizations', arguments: {} },
    // A search sent as POST: a read all the same, so retried like one.
    { name: 'search_issues', arguments: { provider: 'gh', organization: 'acme', repository: 'web-app' } },
  ],
  secretValues: [token],
  // Codacy wraps every answer in `{ data }`: JSON without it is not an answer either.
  cases: [...FAULT_CASES, { name: 'JSON of the wrong shape with 200', faults: () => [faults.wrongShape200()], expect: 'upstream_error' }],
});
