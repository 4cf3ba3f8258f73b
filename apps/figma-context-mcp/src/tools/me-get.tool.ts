import { z } from 'zod';
import { defineFigmaContextTool } from '../context';
import type { FigmaUser } from '../figma-responses';

export const getMeOutput = z.object({ id: z.string(), handle: z.string(), email: z.string().nullable(), imgUrl: z.string().nullable() });

export const getMe = defineFigmaContextTool({
  name: 'get_me',
  toolset: 'account',
  title: 'Get the authenticated user',
  description:
    'The Figma user the configured token belongs to (id, handle, email, avatar URL). Use it to check which account ' +
    'the server acts as, e.g. when a file answers 403 or 404.',
  input: z.object({}),
  output: getMeOutput,
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (_input, ctx) => {
    const me = await ctx.figma.get<FigmaUser>('me', { scope: 'current_user:read', expect: 'id' });
    return { id: me.id, handle: me.handle, email: me.email ?? null, imgUrl: me.img_url ?? null };
  },
});
