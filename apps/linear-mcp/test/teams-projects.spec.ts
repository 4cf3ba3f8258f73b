import { resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { API_KEY, callTool, fakeLinear, linearData } from './fake-upstream';
import { TEAM_ID, pageInfo, projectNode, teamNode } from './fixtures';

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
});
