import { ToolError, capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { definePortkeyAdminTool } from '../context';
import { slugInput } from '../slug';

/** PromptRenderResponse: `data` is a chat (messages) or completions (prompt) request body. */
interface PortkeyRender {
  success?: boolean;
  data?: { model?: string; messages?: { role?: string; content?: unknown }[]; prompt?: unknown } & Record<string, unknown>;
}

const MAX_MESSAGE_CHARS = 8_000;

/** Message content as text: a string, or the text parts of a multi-part content list. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((part) => (typeof part?.text === 'string' ? part.text : `[${String(part?.type ?? 'part')}]`)).join('\n');
  }
  return content === undefined || content === null ? '' : JSON.stringify(content);
}

export const renderPrompt = definePortkeyAdminTool({
  name: 'render_prompt',
  toolset: 'prompts',
  title: 'Render a prompt template',
  description:
    'Fills a Portkey prompt template with variables and returns what would be sent to the model (messages or prompt ' +
    'text, model, other parameters) without calling the model, so it costs nothing. Use it to check a template and its ' +
    'variables. Long messages are capped. Needs the prompts.render scope.',
  input: z.object({
    promptId: slugInput('prompt', 'pp-support-reply-1a2b3c'),
    variables: z.record(z.string(), z.unknown()).default({}).describe('Template variables, e.g. { "user_input": "Hello" }.'),
  }),
  output: z.object({
    promptId: z.string(),
    model: z.string().optional(),
    messages: z.array(z.object({ role: z.string(), content: z.string() })).optional(),
    prompt: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).describe('The other request parameters the template sets (temperature, max_tokens, …).'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ promptId, variables }, ctx) => {
    const body = await ctx.api.post<PortkeyRender>(`prompts/${encodeURIComponent(promptId)}/render`, { json: { variables }, scope: 'prompts.render' });
    if (!body?.data || typeof body.data !== 'object') throw new ToolError('upstream_error', 'Portkey answered the render with an unexpected body (no `data`).');
    const { model, messages, prompt, ...parameters } = body.data;
    return {
      promptId,
      model: typeof model === 'string' ? model : undefined,
      messages: messages?.map((message) => ({ role: message.role ?? 'user', content: capText(contentText(message.content), MAX_MESSAGE_CHARS) })),
      prompt: prompt === undefined ? undefined : capText(contentText(prompt), MAX_MESSAGE_CHARS),
      parameters,
    };
  },
});
