import { FAULT_CASES, HttpResponse, describeUpstreamFaults, faults, http } from '@sophia/mcp-testing';
import { portkeyList } from '../test/fake-upstream';
import { renderedChat, workspace } from '../test/fixtures/portkey';

const key = 'pk-fault-suite-key-0000';

// The suite's credential echo repeats only the authorization / x-api-key headers; the echo of
// x-portkey-api-key is covered in test/errors.spec.ts.
describeUpstreamFaults({
  app: 'portkey-admin-mcp',
  env: (url) => ({ PORTKEY_API_KEY: key, PORTKEY_API_URL: url }),
  handlers: [
    http.get('*/admin/workspaces', () => portkeyList([workspace('ws-team')])),
    http.post('*/prompts/pp-support/render', () => HttpResponse.json(renderedChat('hi'))),
  ],
  calls: [
    { name: 'list_workspaces', arguments: {} },
    // A render sent as POST: it changes nothing, so it is retried like a read.
    { name: 'render_prompt', arguments: { promptId: 'pp-support', variables: { user_input: 'hi' } } },
  ],
  secretValues: [key],
  // Portkey's lists and renders carry `data`: JSON without it is not an answer either.
  cases: [...FAULT_CASES, { name: 'JSON of the wrong shape with 200', faults: () => [faults.wrongShape200()], expect: 'upstream_error' }],
});
