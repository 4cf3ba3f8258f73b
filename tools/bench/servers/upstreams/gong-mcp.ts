/** Gong REST v2 for list_calls: one page of ten calls in Gong's `{ requestId, records, calls }` envelope. */
import { http } from '@sophia/mcp-testing';
import { gongList } from '../../../../apps/gong-mcp/test/fake-upstream';
import { callMeta } from '../../../../apps/gong-mcp/test/fixtures/gong';

const calls = Array.from({ length: 10 }, (_unused, index) => callMeta(`77823422740259379${String(index).padStart(2, '0')}`));

export const handlers = [http.get('*/v2/calls', () => gongList('calls', calls))];
