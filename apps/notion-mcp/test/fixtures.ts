/** Payloads shaped like Notion's documented responses for Notion-Version 2025-09-03 (trimmed). */

export const PAGE_ID = '59833787-2cf9-4fdf-8782-e53db20768a5';
export const DATA_SOURCE_ID = '248104cd-477e-80af-bc30-000bd28de8f9';
export const DATABASE_ID = '248104cd-477e-80fd-b757-e945d38000bd';

const user = { object: 'user', id: 'ee5f0f84-409a-440f-983a-a5315961c6e4' };

export const text = (content: string, annotations: Record<string, boolean> = {}, href: string | null = null) => ({
  type: 'text',
  text: { content, link: href ? { url: href } : null },
  annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: 'default', ...annotations },
  plain_text: content,
  href,
});

/** A row of the "Tasks" data source, as pages.retrieve and dataSources.query return it. */
export function taskPage(id: string, title: string, overrides: Record<string, unknown> = {}) {
  return {
    object: 'page',
    id,
    created_time: '2025-09-10T10:00:00.000Z',
    last_edited_time: '2025-09-12T08:30:00.000Z',
    created_by: user,
    last_edited_by: user,
    cover: null,
    icon: { type: 'emoji', emoji: '✅' },
    parent: { type: 'data_source_id', data_source_id: DATA_SOURCE_ID, database_id: DATABASE_ID },
    archived: false,
    in_trash: false,
    is_archived: false,
    is_locked: false,
    properties: {
      Name: { id: 'title', type: 'title', title: [text(title)] },
      Status: { id: 'a%3Ab', type: 'status', status: { id: 's1', name: 'In progress', color: 'blue' } },
      Tags: { id: 'c%3Ad', type: 'multi_select', multi_select: [{ id: 't1', name: 'urgent', color: 'red' }] },
      Due: { id: 'e%3Af', type: 'date', date: { start: '2025-10-01', end: null, time_zone: null } },
      Points: { id: 'g%3Ah', type: 'number', number: 3 },
      Done: { id: 'i%3Aj', type: 'checkbox', checkbox: false },
      Owner: { id: 'k%3Al', type: 'people', people: [{ object: 'user', id: 'u-1', name: 'Ada Lovelace', type: 'person' }] },
      Notes: { id: 'm%3An', type: 'rich_text', rich_text: [text('see '), text('spec', { bold: true })] },
    },
    url: `https://www.notion.so/${title.replace(/\s+/g, '-')}-${id.replace(/-/g, '')}`,
    public_url: null,
    ...overrides,
  };
}

/** A plain page under another page: its only property is "title". */
export function plainPage(id: string, title: string) {
  return {
    ...taskPage(id, title),
    parent: { type: 'page_id', page_id: '11111111-1111-4111-8111-111111111111' },
    properties: { title: { id: 'title', type: 'title', title: [text(title)] } },
  };
}

export const tasksDataSource = {
  object: 'data_source',
  id: DATA_SOURCE_ID,
  created_time: '2025-09-01T00:00:00.000Z',
  last_edited_time: '2025-09-12T08:30:00.000Z',
  created_by: user,
  last_edited_by: user,
  title: [text('Tasks')],
  description: [text('Team tasks')],
  icon: null,
  cover: null,
  parent: { type: 'database_id', database_id: DATABASE_ID },
  database_parent: { type: 'page_id', page_id: '11111111-1111-4111-8111-111111111111' },
  is_inline: false,
  archived: false,
  in_trash: false,
  url: `https://www.notion.so/${DATABASE_ID.replace(/-/g, '')}`,
  public_url: null,
  properties: {
    Name: { id: 'title', name: 'Name', description: null, type: 'title', title: {} },
    Status: {
      id: 'a%3Ab',
      name: 'Status',
      description: null,
      type: 'status',
      status: {
        options: [
          { id: 's0', name: 'Not started', color: 'default', description: null },
          { id: 's1', name: 'In progress', color: 'blue', description: null },
          { id: 's2', name: 'Done', color: 'green', description: null },
        ],
        groups: [],
      },
    },
    Tags: {
      id: 'c%3Ad',
      name: 'Tags',
      description: 'What kind of work',
      type: 'multi_select',
      multi_select: { options: [{ id: 't1', name: 'urgent', color: 'red', description: null }] },
    },
    Points: { id: 'g%3Ah', name: 'Points', description: null, type: 'number', number: { format: 'number' } },
    Project: {
      id: 'p%3Aq',
      name: 'Project',
      description: null,
      type: 'relation',
      relation: { database_id: 'db-2', data_source_id: 'ds-2', type: 'single_property', single_property: {} },
    },
  },
};

let blockCounter = 0;

/** One block as blocks.children.list returns it. */
export function block(type: string, body: Record<string, unknown>, options: { id?: string; hasChildren?: boolean } = {}) {
  blockCounter += 1;
  return {
    object: 'block',
    id: options.id ?? `b${String(blockCounter).padStart(7, '0')}-0000-4000-8000-000000000000`,
    parent: { type: 'page_id', page_id: PAGE_ID },
    created_time: '2025-09-10T10:00:00.000Z',
    last_edited_time: '2025-09-10T10:00:00.000Z',
    created_by: user,
    last_edited_by: user,
    has_children: options.hasChildren ?? false,
    archived: false,
    in_trash: false,
    type,
    [type]: body,
  };
}

export const textBlock = (type: string, content: ReturnType<typeof text>[], options?: { id?: string; hasChildren?: boolean }) =>
  block(type, { rich_text: content, color: 'default' }, options);

/** Notion's paginated list envelope. */
export function list(results: unknown[], nextCursor: string | null = null, type = 'block') {
  return { object: 'list', results, next_cursor: nextCursor, has_more: nextCursor !== null, type, [type]: {} };
}

export const DISCUSSION_ID = '44444444-4444-4444-8444-444444444444';

/** A comment as comments.list / comments.create return it. */
export function comment(id: string, content: ReturnType<typeof text>[], overrides: Record<string, unknown> = {}) {
  return {
    object: 'comment',
    id,
    parent: { type: 'page_id', page_id: PAGE_ID },
    discussion_id: DISCUSSION_ID,
    created_time: '2025-09-12T09:00:00.000Z',
    last_edited_time: '2025-09-12T09:00:00.000Z',
    created_by: { object: 'user', id: user.id },
    rich_text: content,
    display_name: { type: 'user', resolved_name: 'Ada Lovelace' },
    ...overrides,
  };
}

/** A person as users.list returns it (email only with the user-information capability). */
export function person(id: string, name: string, email?: string) {
  return { object: 'user', id, type: 'person', name, avatar_url: null, person: email === undefined ? {} : { email } };
}

export const bot = (id: string, name: string) => ({
  object: 'user',
  id,
  type: 'bot',
  name,
  avatar_url: null,
  bot: { owner: { type: 'workspace', workspace: true }, workspace_name: 'Acme' },
});
