import { FAULT_CASES, HttpResponse, describeUpstreamFaults, faults, http } from '@sophia/mcp-testing';
import { FILE_KEY, fileResponse, me, nodesResponse } from '../test/fixtures/figma';

const token = 'figd_fault0suite0token000000000000';

describeUpstreamFaults({
  app: 'figma-context-mcp',
  env: (url) => ({ FIGMA_TOKEN: token, FIGMA_API_URL: url }),
  handlers: [
    http.get('*/files/:key/nodes', () => HttpResponse.json(nodesResponse())),
    http.get('*/files/:key', () => HttpResponse.json(fileResponse())),
    http.get('*/me', () => HttpResponse.json(me)),
  ],
  calls: [
    { name: 'get_design_context', arguments: { file: `https://www.figma.com/design/${FILE_KEY}/Travel?node-id=1-2`, depth: 2 } },
    { name: 'get_file_outline', arguments: { file: FILE_KEY } },
    { name: 'get_me', arguments: {} },
  ],
  secretValues: [token],
  // Every Figma answer has its endpoint's top-level field (nodes, document, id): JSON without it is not an answer.
  cases: [...FAULT_CASES, { name: 'JSON of the wrong shape with 200', faults: () => [faults.wrongShape200()], expect: 'upstream_error' }],
});
