import { isToolError, pageInput, pageOfList } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineFigmaContextTool } from '../context';
import { cssColor } from '../design/paints';
import type { Rgba } from '../design/figma-nodes';
import { filePath } from '../figma-api';
import { resolveTarget } from '../figma-url';
import { fileInput } from '../inputs';
import { readStyles, styleSchema } from './styles-list.tool';

interface LocalVariable {
  id: string;
  name: string;
  variableCollectionId: string;
  resolvedType: string;
  description?: string;
  valuesByMode: Record<string, unknown>;
}

interface LocalCollection {
  id: string;
  name: string;
  defaultModeId: string;
  modes: Array<{ modeId: string; name: string }>;
}

interface LocalVariablesResponse {
  meta: { variables: Record<string, LocalVariable>; variableCollections: Record<string, LocalCollection> };
}

const variableSchema = z.object({
  id: z.string(),
  name: z.string(),
  collection: z.string(),
  type: z.string(),
  description: z.string().optional(),
  /** Value per mode name: a CSS colour, number, string, boolean, or { alias } naming another variable. */
  values: z.record(z.string(), z.unknown()),
});

export const getVariablesOutput = z.object({
  source: z.enum(['variables', 'styles']),
  note: z.string().optional(),
  collections: z.array(z.object({ id: z.string(), name: z.string(), modes: z.array(z.string()), defaultMode: z.string() })),
  variables: z.array(variableSchema),
  styles: z.array(styleSchema),
  total: z.number(),
  nextCursor: z.string().optional(),
});

export const getVariables = defineFigmaContextTool({
  name: 'get_variables',
  toolset: 'library',
  title: 'Get variables (design tokens)',
  description:
    'The local variables of a Figma file (design tokens): collections with their modes (such as Light and Dark) and, per variable, ' +
    'its name, type and value in each mode (colours as CSS, aliases as { alias: <name> }). Figma serves variables to ' +
    'members of Enterprise organizations only: on any other plan (HTTP 403) this returns the file\'s published styles ' +
    'instead, with source "styles" and a note saying so. Paged over variables (or styles): limit (default 100) and nextCursor.',
  input: z.object({ file: fileInput(), ...pageInput({ defaultLimit: 100, maxLimit: 500 }) }),
  output: getVariablesOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (input, ctx) => {
    const { fileKey } = resolveTarget(input.file);
    let body: LocalVariablesResponse;
    try {
      body = await ctx.figma.get<LocalVariablesResponse>(filePath(fileKey, '/variables/local'), {
        scope: 'file_variables:read',
        expect: 'meta',
      });
    } catch (error) {
      if (!isToolError(error) || error.kind !== 'forbidden') throw error;
      const page = pageOfList(await readStyles(ctx, fileKey), input.cursor, input.limit);
      return {
        source: 'styles' as const,
        note:
          'Figma refused the variables endpoint (HTTP 403): it is available to full members of Enterprise organizations only ' +
          '(and an OAuth token needs the file_variables:read scope). These are the file\'s published styles instead.',
        collections: [],
        variables: [],
        styles: page.items,
        total: page.total,
        nextCursor: page.nextCursor,
      };
    }
    const { variables, variableCollections } = body.meta;
    const collections = Object.values(variableCollections ?? {});
    const modeNames = new Map(collections.flatMap((collection) => collection.modes.map((mode) => [mode.modeId, mode.name] as const)));
    const names = new Map(Object.values(variables ?? {}).map((variable) => [variable.id, variable.name]));
    const all = Object.values(variables ?? {}).map((variable) => ({
      id: variable.id,
      name: variable.name,
      collection: variableCollections[variable.variableCollectionId]?.name ?? variable.variableCollectionId,
      type: variable.resolvedType,
      ...(variable.description ? { description: variable.description } : {}),
      values: Object.fromEntries(
        Object.entries(variable.valuesByMode).map(([modeId, value]) => [modeNames.get(modeId) ?? modeId, variableValue(value, names)]),
      ),
    }));
    const page = pageOfList(all, input.cursor, input.limit);
    return {
      source: 'variables' as const,
      collections: collections.map((collection) => ({
        id: collection.id,
        name: collection.name,
        modes: collection.modes.map((mode) => mode.name),
        defaultMode: modeNames.get(collection.defaultModeId) ?? collection.defaultModeId,
      })),
      variables: page.items,
      styles: [],
      total: page.total,
      nextCursor: page.nextCursor,
    };
  },
});

/** A mode's value as code uses it: colours as CSS, aliases by the other variable's name. */
function variableValue(value: unknown, names: Map<string, string>): unknown {
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record['type'] === 'VARIABLE_ALIAS' && typeof record['id'] === 'string') return { alias: names.get(record['id']) ?? record['id'] };
    if (typeof record['r'] === 'number') return cssColor(value as Rgba);
  }
  return value;
}
