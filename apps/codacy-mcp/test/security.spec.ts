import { resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { ORG, callTool, codacyError, codacyList, route } from './fake-upstream';
import { srmItem } from './fixtures/codacy';

const SEARCH = `${ORG}/security/items/search`;
const orgArgs = { provider: 'gh', organization: 'acme' };

describe('search_security_items', () => {
  const fake = useFakeUpstream();

  it('sorts by detection date, oldest first, and asks for the open statuses by default', async () => {
    const search = route('post', SEARCH, () => codacyList([srmItem('item-1', { cve: 'CVE-2026-1234', fixedVersion: ['2.1.4'], affectedVersion: '2.1.0' })]));
    fake.use(search.handler);

    const result = resultJson(await callTool('search_security_items', orgArgs));

    expect(search.received.map(({ query, body }) => ({ query, body }))).toEqual([
      { query: { sort: 'DetectedAt', direction: 'asc', limit: '50' }, body: { statuses: ['Overdue', 'OnTrack', 'DueSoon'] } },
    ]);
    expect(result).toEqual({
      items: [
        {
          id: 'item-1',
          title: 'Hard-coded AWS secret access key',
          priority: 'Critical',
          status: 'Overdue',
          scanType: 'Secrets',
          securityCategory: 'Cryptography',
          repository: 'web-app',
          detectedAt: '2026-10-01T08:00:00Z',
          dueAt: '2026-10-31T08:00:00Z',
          closedAt: null,
          cve: 'CVE-2026-1234',
          cwe: null,
          affectedVersion: '2.1.0',
          fixedVersions: ['2.1.4'],
          source: 'Codacy',
          url: null,
        },
      ],
    });
  });

  it("sends every filter in Codacy's SearchSRMItems body; newestFirst flips the direction", async () => {
    const search = route('post', SEARCH, () => codacyList([]));
    fake.use(search.handler);

    await callTool('search_security_items', {
      ...orgArgs,
      repositories: ['web-app', 'api'],
      priorities: ['Critical', 'High'],
      statuses: ['Ignored'],
      scanTypes: ['SCA', 'IaC'],
      categories: ['Injection'],
      text: 'lodash',
      newestFirst: true,
      limit: 100,
    });

    expect(search.received[0]?.query).toEqual({ sort: 'DetectedAt', direction: 'desc', limit: '100' });
    expect(search.received[0]?.body).toEqual({
      repositories: ['web-app', 'api'],
      priorities: ['Critical', 'High'],
      statuses: ['Ignored'],
      scanTypes: ['SCA', 'IaC'],
      categories: ['Injection'],
      searchText: 'lodash',
    });
  });

  it('403 (no access to Security and risk management) → forbidden with Codacy\'s message', async () => {
    fake.use(route('post', SEARCH, () => codacyError(403, 'Operation is not allowed for this organization plan')).handler);
    expect(resultError(await callTool('search_security_items', orgArgs))).toBe(
      'forbidden: Codacy denied access (HTTP 403): Operation is not allowed for this organization plan.',
    );
  });

  it('rejects an unknown scan type without calling Codacy', async () => {
    expect(resultError(await callTool('search_security_items', { ...orgArgs, scanTypes: ['Fuzzing'] }))).toMatch(/^invalid_input: .*scanTypes/s);
  });
});
