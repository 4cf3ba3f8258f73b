import { FAULT_CASES, HttpResponse, describeUpstreamFaults, faults, http } from '@sophia/mcp-testing';
import { callMeta, extensiveCall, transcript } from '../test/fixtures/gong';

const key = 'FAULTACCESSKEY000000';
const secret = 'fault-suite-secret.0000000000';

const list = (field: string, items: unknown[]) =>
  HttpResponse.json({ requestId: 'r', records: { totalRecords: items.length, currentPageSize: items.length, currentPageNumber: 0 }, [field]: items });

describeUpstreamFaults({
  app: 'gong-mcp',
  env: (url) => ({ GONG_ACCESS_KEY: key, GONG_ACCESS_SECRET: secret, GONG_API_URL: url }),
  handlers: [
    http.get('*/v2/calls', () => list('calls', [callMeta('1')])),
    http.post('*/v2/calls/transcript', () => list('callTranscripts', [transcript('1', 4)])),
    http.post('*/v2/calls/extensive', () => list('calls', [extensiveCall('1')])),
  ],
  calls: [
    { name: 'list_calls', arguments: {} },
    { name: 'get_transcript', arguments: { callId: '1' } },
  ],
  secretValues: [key, secret, Buffer.from(`${key}:${secret}`).toString('base64')],
  // Gong's lists come in a documented field: JSON without it is not an answer either.
  cases: [...FAULT_CASES, { name: 'JSON of the wrong shape with 200', faults: () => [faults.wrongShape200()], expect: 'upstream_error' }],
});
