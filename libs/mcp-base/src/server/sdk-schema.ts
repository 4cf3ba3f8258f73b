import type { StandardSchemaWithJSON } from '@modelcontextprotocol/server';
import type { z } from 'zod';

type JsonSchemaOptions = { target: string; libraryOptions?: Record<string, unknown> };

/**
 * Adapts a zod schema for the SDK's registerTool:
 * - its JSON Schema is computed once per process, not once per request (the server
 *   is rebuilt for every stateless request, and tools/list would convert again);
 * - for inputs, validation is left to our tool runner (`validate: false`), which
 *   answers with a precise invalid_input error and counts it in the metrics.
 */
export function schemaForSdk(schema: z.ZodType, options: { validate: boolean }): StandardSchemaWithJSON {
  const standard = schema['~standard'] as unknown as StandardSchemaWithJSON['~standard'];
  const cache = new Map<string, Record<string, unknown>>();
  const memo =
    (io: 'input' | 'output') =>
    (opts: JsonSchemaOptions): Record<string, unknown> => {
      const key = `${io}:${opts.target}`;
      let json = cache.get(key);
      if (!json) {
        json = standard.jsonSchema[io](opts as Parameters<typeof standard.jsonSchema.input>[0]);
        cache.set(key, json);
      }
      return json;
    };
  return {
    '~standard': {
      vendor: standard.vendor,
      version: 1,
      validate: options.validate ? standard.validate : (value: unknown) => ({ value }),
      jsonSchema: { input: memo('input'), output: memo('output') },
    },
  } as StandardSchemaWithJSON;
}
