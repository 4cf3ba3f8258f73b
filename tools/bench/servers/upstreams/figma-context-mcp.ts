/** Figma REST for get_design_context on one node: the fixtures' card frame with its components and styles. */
import { HttpResponse, http } from '@sophia/mcp-testing';
import { nodesResponse } from '../../../../apps/figma-context-mcp/test/fixtures/figma';

const nodes = nodesResponse();

export const handlers = [http.get('*/v1/files/:key/nodes', () => HttpResponse.json(nodes))];
