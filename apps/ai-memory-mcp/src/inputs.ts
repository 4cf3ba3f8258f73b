import { z } from 'zod';

const hasNoControlCharacters = (value: string) =>
  [...value].every((char) => char.charCodeAt(0) > 0x1f && char.charCodeAt(0) !== 0x7f);

/** Identifier-like scope values: no whitespace-only or control characters, bounded length. */
const scopeId = (what: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(128)
    .refine(hasNoControlCharacters, 'no control characters')
    .describe(what);

/** The scope fields every tool takes. user_id is required: there are no global memories. */
export const scopeInput = {
  user_id: scopeId('Owner of the memories, e.g. the end user\'s stable id. Every call sees only this user\'s memories.'),
  namespace: scopeId('Partition within the user, e.g. a project or app (default "default").').default('default'),
  agent_id: scopeId(
    'Agent within the user. On writes it labels the memory; on reads it narrows to that agent\'s memories (omit to see all of the user\'s agents).',
  ).optional(),
};

export const memoryId = z
  .string()
  .regex(/^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/, 'a memory id (lower-case UUID)')
  .describe('Memory id, as returned by add_memory, list_memories or search_memories.');

export const memoryText = z.string().trim().min(1).max(8000).describe('The memory itself: one self-contained fact, preference or event in plain language (max 8000 characters).');

export const tag = z
  .string()
  .regex(/^[A-Za-z0-9_.:/-]{1,64}$/, 'letters, digits and _ . : / - (max 64)')
  .describe('A tag, e.g. "preference" or "project:apollo".');

export const tags = z.array(tag).max(20);

export const metadata = z
  .record(z.string().min(1).max(64), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
  .refine((value) => Object.keys(value).length <= 32, 'at most 32 keys');

export const entity = z.object({
  name: z.string().trim().min(1).max(200).describe('Entity name, e.g. "Alice" or "Acme Corp" (matched case-insensitively).'),
  type: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case word, e.g. person, organization, project')
    .default('thing')
    .describe('Entity type, a lower-case word such as person, organization, project, place (default "thing").'),
});

export const entities = z.array(entity).max(20);

/** The scope of a validated input, as the store wants it. */
export const scopeOf = (input: { user_id: string; namespace: string; agent_id?: string }) => ({
  userId: input.user_id,
  namespace: input.namespace,
  agentId: input.agent_id,
});
