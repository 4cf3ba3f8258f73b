import { HttpResponse, http, serveFakeUpstream } from '../src';

describe('serveFakeUpstream', () => {
  it('serves MSW handlers on a loopback port and records the requests', async () => {
    const fake = await serveFakeUpstream([
      http.post('*/echo', async ({ request }) => HttpResponse.json({ got: await request.json() }, { status: 201 })),
    ]);
    try {
      const response = await fetch(`${fake.url}/echo?x=1`, { method: 'POST', body: JSON.stringify({ a: 1 }) });
      expect([response.status, await response.json()]).toEqual([201, { got: { a: 1 } }]);
      expect(fake.requests).toEqual([{ method: 'POST', path: '/echo?x=1' }]);
    } finally {
      await fake.close();
    }
  });

  it('answers a request no handler matches with 501 naming it', async () => {
    const fake = await serveFakeUpstream([]);
    try {
      const response = await fetch(`${fake.url}/nothing`);
      expect(response.status).toBe(501);
      expect(await response.json()).toEqual({ message: 'fake upstream has no handler for GET /nothing' });
    } finally {
      await fake.close();
    }
  });
});
