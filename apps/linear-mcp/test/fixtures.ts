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

/** An issue as get_issue selects it, with nothing beyond list_issues' fields set. */
export const issueDetail = (identifier: string, overrides: Record<string, unknown> = {}) =>
  issueNode(identifier, { description: null, creator: null, parent: null, ...overrides });

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

export const LABEL_ID = 'e3f4a5b6-6666-4f70-8182-930415263748';
export const CYCLE_ID = 'f4a5b6c7-7777-4081-9293-041526374859';
export const DOCUMENT_ID = 'a5b6c7d8-8888-4192-a3a4-15263748596a';
export const RELATION_ID = 'b6c7d8e9-9999-42a3-b4b5-2637485960ab';

export function labelNode(name: string, overrides: Record<string, unknown> = {}) {
  return { id: LABEL_ID, name, color: '#eb5757', description: null, isGroup: false, parent: null, team: { key: 'ENG' }, ...overrides };
}

export function userNode(name: string, overrides: Record<string, unknown> = {}) {
  const first = name.split(' ')[0] ?? name;
  return {
    id: USER_ID,
    name,
    displayName: first.toLowerCase(),
    email: `${first.toLowerCase()}@acme.com`,
    active: true,
    admin: false,
    guest: false,
    isMe: false,
    ...overrides,
  };
}

export function cycleNode(number: number, overrides: Record<string, unknown> = {}) {
  return {
    id: CYCLE_ID,
    number,
    name: null,
    description: null,
    startsAt: '2026-07-13T00:00:00.000Z',
    endsAt: '2026-07-27T00:00:00.000Z',
    completedAt: null,
    progress: 0.5,
    isActive: true,
    isNext: false,
    isPrevious: false,
    isFuture: false,
    team: { key: 'ENG' },
    ...overrides,
  };
}

export function documentNode(title: string, overrides: Record<string, unknown> = {}) {
  return {
    id: DOCUMENT_ID,
    title,
    url: 'https://linear.app/acme/document/checkout-spec-9a8b7c6d5e4f',
    createdAt: '2026-06-02T09:00:00.000Z',
    updatedAt: '2026-07-19T12:00:00.000Z',
    creator: { name: 'Grace Hopper' },
    project: { name: 'Web checkout' },
    team: null,
    issue: null,
    ...overrides,
  };
}
