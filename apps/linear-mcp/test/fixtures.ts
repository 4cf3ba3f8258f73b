/** Linear GraphQL nodes shaped like the API's answers to our selections (ids are real-looking UUIDs). */

export const TEAM_ID = '9cfb482a-81e3-4154-b5b9-2c805e70a02d';
export const STATE_ID = 'f2b3c4d5-1111-4a2b-8c3d-4e5f60718293';
export const PROJECT_ID = '5a1e6e7f-2222-4b3c-9d4e-5f6071829304';
export const USER_ID = 'b7c8d9e0-3333-4c4d-8e5f-607182930415';
export const ISSUE_ID = 'c1d2e3f4-4444-4d5e-9f60-718293041526';
export const COMMENT_ID = 'd2e3f4a5-5555-4e6f-8071-829304152637';

export function issueNode(identifier: string, overrides: Record<string, unknown> = {}) {
  return {
    id: ISSUE_ID,
    identifier,
    title: 'Login button does nothing on Safari',
    priority: 2,
    priorityLabel: 'High',
    estimate: 3,
    dueDate: '2026-08-31',
    url: `https://linear.app/acme/issue/${identifier}/login-button-does-nothing-on-safari`,
    createdAt: '2026-07-01T09:00:00.000Z',
    updatedAt: '2026-07-20T15:30:00.000Z',
    completedAt: null,
    state: { name: 'In Progress', type: 'started' },
    assignee: { name: 'Ada Lovelace' },
    team: { key: 'ENG' },
    project: { name: 'Web checkout' },
    labels: { nodes: [{ name: 'Bug' }, { name: 'Frontend' }] },
    ...overrides,
  };
}

export function commentNode(id: string, author: string | null, body: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    body,
    createdAt: '2026-07-02T10:00:00.000Z',
    editedAt: null,
    url: `https://linear.app/acme/issue/ENG-123#comment-${id.slice(0, 8)}`,
    user: author === null ? null : { name: author },
    parent: null,
    ...overrides,
  };
}

export const pageInfo = (hasNextPage = false, endCursor: string | null = null) => ({ hasNextPage, endCursor });

export const teamNode = (key: string, name: string) => ({ id: TEAM_ID, key, name, description: `${name} team`, private: false });

export const stateNode = (name: string, type: string, position: number, team = 'ENG') => ({
  id: STATE_ID,
  name,
  type,
  color: '#f2c94c',
  position,
  team: { key: team },
});

export function projectNode(name: string, overrides: Record<string, unknown> = {}) {
  return {
    id: PROJECT_ID,
    name,
    description: 'Rebuild the checkout flow on the new design system.',
    url: 'https://linear.app/acme/project/web-checkout-4b3c9d4e',
    progress: 0.42,
    health: 'onTrack',
    startDate: '2026-06-01',
    targetDate: '2026-09-30',
    updatedAt: '2026-07-21T08:00:00.000Z',
    status: { name: 'In Progress', type: 'started' },
    lead: { name: 'Grace Hopper' },
    teams: { nodes: [{ key: 'ENG' }, { key: 'DES' }] },
    ...overrides,
  };
}
