import { outputOf, resultError, resultJson, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { linearTools } from '../src/tools';
import { API_KEY, callTool, errors, fakeLinear, linearData, linearErrors } from './fake-upstream';
import { PROJECT_ID, TEAM_ID, pageInfo, projectNode, teamNode } from './fixtures';

describe('teams and projects toolsets', () => {
  const fake = useFakeUpstream();

  describe('list_teams', () => {
    it('sends the personal API key as the whole Authorization header and returns compact teams', async () => {
      const linear = fakeLinear({ ListTeams: () => linearData({ teams: { nodes: [teamNode('ENG', 'Engineering')], pageInfo: pageInfo() } }) });
      fake.use(linear.handler);
      const result = await callTool('list_teams', { query: 'eng' });

      const [request] = linear.received;
      expect(request?.headers.get('authorization')).toBe(API_KEY);
      expect(request?.headers.get('content-type')).toBe('application/json');
      expect(request?.variables).toEqual({ first: 25, filter: { name: { containsIgnoreCase: 'eng' } } });
      expect(resultJson(result)).toEqual({
        items: [{ id: TEAM_ID, key: 'ENG', name: 'Engineering', description: 'Engineering team', private: false }],
      });
    });

    it('sends an OAuth token given with its Bearer prefix unchanged', async () => {
      const linear = fakeLinear({ ListTeams: () => linearData({ teams: { nodes: [], pageInfo: pageInfo() } }) });
      fake.use(linear.handler);
      await callTool('list_teams', {}, { LINEAR_API_KEY: 'Bearer oauth-token-0000', LINEAR_API_URL: 'https://linear.fake/graphql' });
      expect(linear.received[0]?.headers.get('authorization')).toBe('Bearer oauth-token-0000');
    });
  });

  describe('list_projects', () => {
    it('filters by team, status type and name and returns compact projects', async () => {
      const linear = fakeLinear({
        ListProjects: () => linearData({ projects: { nodes: [projectNode('Web checkout', { description: 'z'.repeat(600) })], pageInfo: pageInfo() } }),
      });
      fake.use(linear.handler);
      const result = await callTool('list_projects', { team: 'ENG', statusType: 'started', query: 'checkout', includeArchived: true });

      expect(linear.variablesOf('ListProjects')).toEqual([
        {
          first: 25,
          includeArchived: true,
          filter: {
            accessibleTeams: { some: { or: [{ key: { eqIgnoreCase: 'ENG' } }, { name: { eqIgnoreCase: 'ENG' } }] } },
            status: { type: { eq: 'started' } },
            name: { containsIgnoreCase: 'checkout' },
          },
        },
      ]);
      expect(resultJson(result)).toEqual({
        items: [
          {
            id: '5a1e6e7f-2222-4b3c-9d4e-5f6071829304',
            name: 'Web checkout',
            summary: `${'z'.repeat(500)}\n… [truncated: 100 more characters not shown]`,
            status: 'In Progress',
            statusType: 'started',
            lead: 'Grace Hopper',
            progress: 0.42,
            health: 'onTrack',
            startDate: '2026-06-01',
            targetDate: '2026-09-30',
            teams: ['ENG', 'DES'],
            url: 'https://linear.app/acme/project/web-checkout-4b3c9d4e',
            updatedAt: '2026-07-21T08:00:00.000Z',
          },
        ],
      });
    });
  });

  describe('get_project', () => {
    const detail = (overrides: Record<string, unknown> = {}) => ({
      ...projectNode('Web checkout'),
      content: '# Goal\nShip the new checkout.',
      createdAt: '2026-05-20T08:00:00.000Z',
      completedAt: null,
      canceledAt: null,
      creator: { name: 'Ada Lovelace' },
      members: { nodes: [{ name: 'Ada Lovelace' }, { name: 'Grace Hopper' }] },
      projectMilestones: { nodes: [{ id: 'm-1', name: 'Beta', targetDate: '2026-08-15', progress: 0.6 }] },
      ...overrides,
    });

    it('reads a project by its URL (the slug id goes to Linear) with content, members and milestones', async () => {
      const linear = fakeLinear({ GetProject: () => linearData({ project: detail() }) });
      fake.use(linear.handler);
      const result = await callTool('get_project', { id: 'https://linear.app/acme/project/web-checkout-4b3c9d4e1f2a/overview' });

      expect(linear.variablesOf('GetProject')).toEqual([{ id: '4b3c9d4e1f2a' }]);
      expect(resultJson(result)).toMatchObject({ id: PROJECT_ID, name: 'Web checkout' });
    });

    it('passes an id or a slug through and returns the whole project', async () => {
      const linear = fakeLinear({ GetProject: () => linearData({ project: detail({ content: 'c'.repeat(20_001) }) }) });
      fake.use(linear.handler);
      const result = await callTool('get_project', { id: PROJECT_ID });
      await callTool('get_project', { id: 'web-checkout-4b3c9d4e1f2a' });

      expect(linear.variablesOf('GetProject')).toEqual([{ id: PROJECT_ID }, { id: '4b3c9d4e1f2a' }]);
      // The list_projects fields are specced above; here what only get_project adds.
      expect(resultJson(result)).toMatchObject({
        id: PROJECT_ID,
        summary: 'Rebuild the checkout flow on the new design system.',
        teams: ['ENG', 'DES'],
        content: `${'c'.repeat(20_000)}\n… [truncated: 1 more characters not shown]`,
        creator: 'Ada Lovelace',
        members: ['Ada Lovelace', 'Grace Hopper'],
        milestones: [{ id: 'm-1', name: 'Beta', targetDate: '2026-08-15', progress: 0.6 }],
        createdAt: '2026-05-20T08:00:00.000Z',
        completedAt: null,
        canceledAt: null,
      });
      structuredContent(result, outputOf(linearTools, 'get_project'));
    });

    it('turns "Entity not found" into not_found', async () => {
      fake.use(fakeLinear({ GetProject: () => linearErrors(200, [errors.entityNotFound('Project', 'project')]) }).handler);
      expect(resultError(await callTool('get_project', { id: 'no-such-project-000000000000' }))).toBe(
        'not_found: Linear found nothing there: Could not find referenced Project.',
      );
    });
  });
});
