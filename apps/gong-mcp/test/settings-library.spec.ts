import { HttpResponse, resultError, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, gongError, route, structuredResult } from './fake-upstream';

const tracker = (id: string, name: string, keywords: string[]) => ({
  trackerId: id,
  trackerName: name,
  workspaceId: '623457276584334',
  languageKeywords: [{ language: 'eng', keywords, includeRelatedForms: false }],
  affiliation: 'Anyone',
  partOfQuestion: false,
  saidAt: 'Anytime',
  saidAtInterval: null,
  saidAtUnit: null,
  saidInTopics: [],
  saidInCallParts: [],
  filterQuery: '',
  created: '2024-01-17T16:20:05Z',
  creatorUserId: null,
  updated: '2024-01-17T16:20:05Z',
  updaterUserId: null,
});

describe('list_trackers', () => {
  const fake = useFakeUpstream();

  it('reads GET /v2/settings/trackers, caps keywords, and pages the whole list itself', async () => {
    const many = Array.from({ length: 40 }, (_unused, index) => `word ${index}`);
    const trackers = route('get', '/settings/trackers', () =>
      HttpResponse.json({ requestId: 'r', keywordTrackers: [tracker('1', 'Competitors', ['Globex', 'Initech']), tracker('2', 'Pricing', many), tracker('3', 'Legal', ['contract'])] }),
    );
    fake.use(trackers.handler);
    const first = structuredResult<{ items: Array<Record<string, unknown>>; nextCursor?: string }>(
      await callTool('list_trackers', { workspaceId: '623457276584334', limit: 2 }),
      'list_trackers',
    );
    expect(trackers.received[0]?.query).toEqual({ workspaceId: '623457276584334' });
    expect(first.items[0]).toEqual({
      id: '1',
      name: 'Competitors',
      workspaceId: '623457276584334',
      keywords: ['Globex', 'Initech'],
      moreKeywords: 0,
      affiliation: 'Anyone',
      saidAt: 'Anytime',
    });
    expect(first.items[1]).toMatchObject({ name: 'Pricing', moreKeywords: 10 });
    expect((first.items[1]?.['keywords'] as string[]).length).toBe(30);
    const second = structuredResult<{ items: Array<{ name: string }>; nextCursor?: string }>(
      await callTool('list_trackers', { workspaceId: '623457276584334', limit: 2, cursor: first.nextCursor }),
      'list_trackers',
    );
    expect(second.items.map((item) => item.name)).toEqual(['Legal']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('404 (unknown workspace) → not_found', async () => {
    fake.use(route('get', '/settings/trackers', () => gongError(404, 'Workspace not found')).handler);
    expect(resultError(await callTool('list_trackers', { workspaceId: '1' }))).toBe(
      'not_found: Gong has no workspace 1: omit workspaceId for all workspaces (Gong: Workspace not found).',
    );
  });
});

describe('list_library_folders and list_library_folder_calls', () => {
  const fake = useFakeUpstream();

  it('lists the public folders', async () => {
    fake.use(
      route('get', '/library/folders', () =>
        HttpResponse.json({
          requestId: 'r',
          folders: [
            { id: '10', name: 'Best discovery calls', parentFolderId: null, createdBy: '1', updated: '2026-10-01T10:00:00Z' },
            { id: '11', name: 'Pricing objections', parentFolderId: '10', createdBy: '1', updated: '2026-10-02T10:00:00Z' },
          ],
        }),
      ).handler,
    );
    expect(structuredResult(await callTool('list_library_folders', {}), 'list_library_folders')).toEqual({
      items: [
        { id: '10', name: 'Best discovery calls', parentFolderId: null, updated: '2026-10-01T10:00:00Z' },
        { id: '11', name: 'Pricing objections', parentFolderId: '10', updated: '2026-10-02T10:00:00Z' },
      ],
    });
  });

  it('lists the calls of one folder with their notes (capped) and snippets', async () => {
    const content = route('get', '/library/folder-content', () =>
      HttpResponse.json({
        requestId: 'r',
        id: '11',
        name: 'Pricing objections',
        createdBy: '1',
        updated: '2026-10-02T10:00:00Z',
        calls: [
          { id: '777', title: 'Acme pricing', note: 'n'.repeat(1_500), addedBy: '1', created: '2026-10-02T10:00:00Z', url: 'https://app.gong.io/call?id=777', snippet: { fromSec: 305, toSec: 420 } },
          { id: '778', title: 'Globex', addedBy: '1', created: '2026-10-03T10:00:00Z', url: 'https://app.gong.io/call?id=778' },
        ],
      }),
    );
    fake.use(content.handler);
    const page = structuredResult<{ items: Array<Record<string, unknown>> }>(await callTool('list_library_folder_calls', { folderId: '11' }), 'list_library_folder_calls');
    expect(content.received[0]?.query).toEqual({ folderId: '11' });
    expect(page.items[0]).toMatchObject({ callId: '777', snippet: { fromSeconds: 305, toSeconds: 420 } });
    expect(page.items[0]?.['note']).toMatch(/^n{1000}\n… \[truncated: 500 more characters not shown\]$/);
    expect(page.items[1]).toMatchObject({ callId: '778', note: null, snippet: null });
  });

  it('404 → not_found naming the folder', async () => {
    fake.use(route('get', '/library/folder-content', () => gongError(404, 'No folders found')).handler);
    expect(resultError(await callTool('list_library_folder_calls', { folderId: '12' }))).toBe(
      'not_found: Gong has no public library folder 12: take ids from list_library_folders (Gong: No folders found).',
    );
  });
});
