import { FAULT_CASES, describeUpstreamFaults, faults, http } from '@sophia/mcp-testing';
import { asanaData } from '../test/fake-upstream';
import { taskDetail, workspace } from '../test/fixtures/asana';

const token = '2/1200000000000001/1209999999999999:fault0suite0token';

describeUpstreamFaults({
  app: 'asana-mcp',
  env: (url) => ({ ASANA_TOKEN: token, ASANA_API_URL: url }),
  handlers: [
    http.get('*/workspaces', () => asanaData([workspace('1200000000000010', 'My Company Workspace')], null)),
    http.get('*/tasks/:gid', ({ params }) => asanaData(taskDetail(String(params['gid'])))),
  ],
  calls: [
    { name: 'list_workspaces', arguments: {} },
    { name: 'get_task', arguments: { taskGid: '1200000000000300', storyLimit: 0, subtaskLimit: 0 } },
  ],
  secretValues: [token],
  // Asana wraps every answer in `{ data }`: JSON without it is not an answer either.
  cases: [...FAULT_CASES, { name: 'JSON of the wrong shape with 200', faults: () => [faults.wrongShape200()], expect: 'upstream_error' }],
});
