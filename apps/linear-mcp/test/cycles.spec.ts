import { resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { callTool, fakeLinear, linearData } from './fake-upstream';
import { CYCLE_ID, TEAM_ID, cycleNode, issueNode, pageInfo } from './fixtures';

describe('cycles', () => {
  const fake = useFakeUpstream();

  describe('list_cycles', () => {
    it("filters by team and timing and says where each cycle stands", async () => {
      const linear = fakeLinear({
        ListCycles: () =>
          linearData({
            cycles: {
              nodes: [
                cycleNode(12, { name: 'Checkout polish', description: 'Finish the flow' }),
                cycleNode(13, { isActive: false, isNext: true, isFuture: true, progress: 0 }),
                cycleNode(14, { isActive: false, isFuture: true, progress: 0 }),
                cycleNode(11, { isActive: false, isPrevious: true, completedAt: '2026-07-13T00:00:00.000Z', progress: 1 }),
                cycleNode(10, { isActive: false, completedAt: '2026-06-29T00:00:00.000Z', progress: 0.9 }),
              ],
              pageInfo: pageInfo(),
            },
          }),
      });
      fake.use(linear.handler);
      const result = await callTool('list_cycles', { team: 'ENG', when: 'current' });

      expect(linear.variablesOf('ListCycles')).toEqual([
        {
          first: 25,
          includeArchived: false,
          filter: { team: { or: [{ key: { eqIgnoreCase: 'ENG' } }, { name: { eqIgnoreCase: 'ENG' } }] }, isActive: { eq: true } },
        },
      ]);
      const { items } = resultJson<{ items: Array<Record<string, unknown>> }>(result);
      expect(items[0]).toEqual({
        id: CYCLE_ID,
        number: 12,
        name: 'Checkout polish',
        description: 'Finish the flow',
        team: 'ENG',
        timing: 'current',
        startsAt: '2026-07-13T00:00:00.000Z',
        endsAt: '2026-07-27T00:00:00.000Z',
        completedAt: null,
        progress: 0.5,
      });
      expect(items.map((cycle) => [cycle['number'], cycle['timing']])).toEqual([
        [12, 'current'],
        [13, 'next'],
        [14, 'upcoming'],
        [11, 'previous'],
        [10, 'past'],
      ]);
    });

    it.each([
      ['next', { isNext: { eq: true } }],
      ['previous', { isPrevious: { eq: true } }],
      ['upcoming', { isFuture: { eq: true } }],
      ['past', { isPast: { eq: true } }],
    ])('when %s becomes the matching CycleFilter flag', async (when, filter) => {
      const linear = fakeLinear({ ListCycles: () => linearData({ cycles: { nodes: [], pageInfo: pageInfo() } }) });
      fake.use(linear.handler);
      expect(resultJson(await callTool('list_cycles', { when }))).toEqual({ items: [] });
      expect(linear.variablesOf('ListCycles')[0]?.['filter']).toEqual(filter);
    });
  });

  describe('cycles in issues', () => {
    it.each([
      ['current', { isActive: { eq: true } }],
      ['12', { number: { eq: 12 } }],
      [CYCLE_ID, { id: { eq: CYCLE_ID } }],
    ])('list_issues cycle %s becomes the right cycle filter', async (cycle, expected) => {
      const linear = fakeLinear({ ListIssues: () => linearData({ issues: { nodes: [], pageInfo: pageInfo() } }) });
      fake.use(linear.handler);
      await callTool('list_issues', { cycle });
      expect(linear.variablesOf('ListIssues')[0]?.['filter']).toEqual({ cycle: expected });
    });

    it('save_issue puts an issue in a cycle and takes it out with null', async () => {
      const linear = fakeLinear({
        CreateIssue: () => linearData({ issueCreate: { success: true, issue: issueNode('ENG-130') } }),
        UpdateIssue: () => linearData({ issueUpdate: { success: true, issue: issueNode('ENG-130') } }),
      });
      fake.use(linear.handler);
      await callTool('save_issue', { teamId: TEAM_ID, title: 'Sprint task', cycleId: CYCLE_ID });
      await callTool('save_issue', { id: 'ENG-130', cycleId: null });
      expect(linear.variablesOf('CreateIssue')[0]).toEqual({ input: { teamId: TEAM_ID, title: 'Sprint task', cycleId: CYCLE_ID } });
      expect(linear.variablesOf('UpdateIssue')[0]).toEqual({ id: 'ENG-130', input: { cycleId: null } });
    });
  });
});
