import { z } from 'zod';
import { defineSnowflakeTool } from '../context';
import { objectName } from '../inputs';
import { identifier, storedIdentifier } from '../sql-guard';

/** A dimension, fact or metric as query_semantic_view takes it. */
const member = z.object({
  name: z.string(),
  table: z.string().optional().describe('Logical table the member belongs to.'),
  member: z.string().describe('Pass this to query_semantic_view (table.name).'),
  dataType: z.string().optional(),
  expression: z.string().optional(),
  synonyms: z.array(z.string()).optional(),
  comment: z.string().optional(),
});

/** Logical tables and relationships: their DESCRIBE properties by lower-case name. */
const entity = z.object({
  name: z.string(),
  properties: z.record(z.string(), z.string()).describe('DESCRIBE properties, e.g. base_table_name, primary_key, ref_table.'),
});

type Member = z.output<typeof member>;

interface Entity {
  kind: string;
  name: string;
  parent?: string;
  properties: Record<string, string>;
}

export const describeSemanticView = defineSnowflakeTool({
  name: 'describe_semantic_view',
  toolset: 'semantic',
  title: 'Describe a semantic view',
  description:
    'Shows what one Snowflake semantic view offers (DESCRIBE SEMANTIC VIEW, no warehouse needed): { semanticView, ' +
    'comment, dimensions, facts, metrics: [{ name, table, member, dataType, expression, synonyms, comment }], ' +
    'tables, relationships: [{ name, properties }] }. Pass `member` values to query_semantic_view.',
  input: z.object({
    database: objectName('Database'),
    schema: objectName('Schema'),
    name: objectName('Semantic view'),
  }),
  output: z.object({
    semanticView: z.string(),
    comment: z.string().optional(),
    dimensions: z.array(member),
    facts: z.array(member),
    metrics: z.array(member),
    tables: z.array(entity),
    relationships: z.array(entity),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const semanticView = [input.database, input.schema, input.name].map(identifier).join('.');
    const rows = await ctx.snowflake.records(`DESCRIBE SEMANTIC VIEW ${semanticView}`, ctx.signal);
    const entities = new Map<string, Entity>();
    let comment: string | undefined;
    for (const row of rows) {
      const kind = row['object_kind'] ?? '';
      const property = (row['property'] ?? '').toLowerCase();
      const value = row['property_value'] ?? '';
      if (!kind) {
        if (property === 'comment' && value) comment = value;
        continue;
      }
      const name = row['object_name'] ?? '';
      const parent = row['parent_entity'] ?? undefined;
      const key = JSON.stringify([kind, parent, name]);
      const entry = entities.get(key) ?? { kind, name, parent, properties: {} };
      if (property) entry.properties[property] = value;
      entities.set(key, entry);
    }
    const all = [...entities.values()];
    const members = (kinds: string[]) => all.filter((entry) => kinds.includes(entry.kind)).map(toMember);
    const others = (kind: string) => all.filter((entry) => entry.kind === kind).map(({ name, properties }) => ({ name, properties }));
    return {
      semanticView,
      ...(comment ? { comment } : {}),
      dimensions: members(['DIMENSION']),
      facts: members(['FACT']),
      metrics: members(['METRIC', 'DERIVED_METRIC']),
      tables: others('TABLE'),
      relationships: others('RELATIONSHIP'),
    };
  },
});

function toMember(entry: Entity): Member {
  const table = entry.parent ?? entry.properties['table'];
  const present = (value: string | undefined) => (value ? value : undefined);
  return {
    name: entry.name,
    table: present(table),
    member: table ? `${storedIdentifier(table)}.${storedIdentifier(entry.name)}` : storedIdentifier(entry.name),
    dataType: present(entry.properties['data_type']),
    expression: present(entry.properties['expression']),
    synonyms: synonyms(entry.properties['synonyms']),
    comment: present(entry.properties['comment']),
  };
}

/** SYNONYMS arrive as a JSON array in text; anything else is kept as a single synonym. */
function synonyms(value: string | undefined): string[] | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed)) return parsed.map(String);
  } catch {
    // not JSON: a single synonym
  }
  return [value];
}
