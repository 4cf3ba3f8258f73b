import { z } from 'zod';
import { outputOf, structuredContent } from '../src/structured-content';

const output = z.object({ items: z.array(z.string()), nextCursor: z.string().optional() });
const answer = (data: unknown, structured: unknown = data) => ({ content: [{ type: 'text', text: JSON.stringify(data) }], structuredContent: structured });

describe('structuredContent', () => {
  it('returns the structuredContent as sent when it equals the text and validates', () => {
    expect(structuredContent(answer({ items: ['a'], nextCursor: 'c2' }), output)).toEqual({ items: ['a'], nextCursor: 'c2' });
  });

  it('fails when structuredContent says something else than the text', () => {
    expect(() => structuredContent(answer({ items: ['a'] }, { items: ['b'] }), output)).toThrow(/toEqual/);
  });

  it('fails when structuredContent is missing', () => {
    expect(() => structuredContent({ content: [{ type: 'text', text: '{"items":["a"]}' }] }, output)).toThrow(/toEqual/);
  });

  it('fails, naming the field, when the content does not match the declared schema', () => {
    expect(() => structuredContent(answer({ items: [1] }), output)).toThrow(/does not match the declared output schema[\s\S]*items\[0\]/);
  });

  it('fails with the error text when the call failed', () => {
    expect(() => structuredContent({ isError: true, content: [{ type: 'text', text: 'not_found: no such page' }] }, output)).toThrow('not_found: no such page');
  });
});

describe('outputOf', () => {
  const other = z.object({ rows: z.number() });
  const tools = [
    { name: 'list_items', output },
    { name: 'ping' },
    { name: 'run', output: other },
    { name: 'run', output: z.object({ status: z.literal('running') }) },
  ];

  it("gives the tool's declared schema", () => {
    expect(outputOf(tools, 'list_items')).toBe(output);
  });

  it('accepts any variant of a name the configuration picks between', () => {
    const run = outputOf(tools, 'run');
    expect(run.safeParse({ rows: 2 }).success).toBe(true);
    expect(run.safeParse({ status: 'running' }).success).toBe(true);
    expect(run.safeParse({ status: 'done' }).success).toBe(false);
  });

  it('names a tool that declares no schema, and one the app does not have', () => {
    expect(() => outputOf(tools, 'ping')).toThrow('ping declares no output schema');
    expect(() => outputOf(tools, 'pong')).toThrow('no tool pong in this app');
  });
});
