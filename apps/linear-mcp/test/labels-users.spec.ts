import { outputOf, resultJson, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { linearTools } from '../src/tools';
import { callTool, fakeLinear, linearData } from './fake-upstream';
import { LABEL_ID, USER_ID, labelNode, pageInfo, userNode } from './fixtures';

describe('the ids save_issue takes', () => {
  const fake = useFakeUpstream();

  describe('list_issue_labels', () => {
    it("lists a team's own labels and the workspace's, filtered by name", async () => {
      const linear = fakeLinear({
        ListIssueLabels: () =>
          linearData({
            issueLabels: {
              nodes: [
                labelNode('Bug', { description: 'Something is broken', parent: { name: 'Type' } }),
                labelNode('Customer bug', { team: null }),
              ],
              pageInfo: pageInfo(),
            },
          }),
      });
      fake.use(linear.handler);
      const result = await callTool('list_issue_labels', { team: 'ENG', query: 'bug' });

      expect(linear.variablesOf('ListIssueLabels')).toEqual([
        {
          first: 50,
          includeArchived: false,
          filter: {
            and: [
              { or: [{ team: { or: [{ key: { eqIgnoreCase: 'ENG' } }, { name: { eqIgnoreCase: 'ENG' } }] } }, { team: { null: true } }] },
              { name: { containsIgnoreCase: 'bug' } },
            ],
          },
        },
      ]);
      expect(resultJson(result)).toEqual({
        items: [
          { id: LABEL_ID, name: 'Bug', color: '#eb5757', description: 'Something is broken', group: 'Type', isGroup: false, team: 'ENG' },
          { id: LABEL_ID, name: 'Customer bug', color: '#eb5757', description: null, group: null, isGroup: false, team: null },
        ],
      });
      structuredContent(result, outputOf(linearTools, 'list_issue_labels'));
    });

    it('sends one filter alone, and none when nothing narrows', async () => {
      const linear = fakeLinear({ ListIssueLabels: () => linearData({ issueLabels: { nodes: [], pageInfo: pageInfo() } }) });
      fake.use(linear.handler);
      await callTool('list_issue_labels', { query: 'bug' });
      expect(resultJson(await callTool('list_issue_labels', { includeArchived: true }))).toEqual({ items: [] });
      expect(linear.variablesOf('ListIssueLabels')).toEqual([
        { first: 50, includeArchived: false, filter: { name: { containsIgnoreCase: 'bug' } } },
        { first: 50, includeArchived: true },
      ]);
    });
  });

  describe('list_users', () => {
    it('matches the query against name, display name and email, active users only by default', async () => {
      const linear = fakeLinear({ ListUsers: () => linearData({ users: { nodes: [userNode('Ada Lovelace', { isMe: true })], pageInfo: pageInfo() } }) });
      fake.use(linear.handler);
      const result = await callTool('list_users', { query: 'ada' });

      const contains = { containsIgnoreCase: 'ada' };
      expect(linear.variablesOf('ListUsers')).toEqual([
        { first: 50, includeDisabled: false, filter: { or: [{ name: contains }, { displayName: contains }, { email: contains }] } },
      ]);
      expect(resultJson(result)).toEqual({
        items: [
          { id: USER_ID, name: 'Ada Lovelace', displayName: 'ada', email: 'ada@acme.com', active: true, admin: false, guest: false, isMe: true },
        ],
      });
      structuredContent(result, outputOf(linearTools, 'list_users'));
    });

    it('includes deactivated users on request and answers a name nobody has with no items', async () => {
      const linear = fakeLinear({ ListUsers: () => linearData({ users: { nodes: [], pageInfo: pageInfo() } }) });
      fake.use(linear.handler);
      expect(resultJson(await callTool('list_users', { query: 'nobody@acme.com', includeDisabled: true }))).toEqual({ items: [] });
      expect(linear.variablesOf('ListUsers')[0]).toMatchObject({ includeDisabled: true });
    });
  });
});
