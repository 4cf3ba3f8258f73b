import { z } from 'zod';
import { defineGithubTool } from '../context';

export const getMe = defineGithubTool({
  name: 'get_me',
  toolset: 'context',
  title: 'Get the authenticated user',
  description:
    'Returns the GitHub user the token belongs to (login, name, email, company, profile URL, public repo count). ' +
    'Use it first to learn "me" for other calls.',
  input: z.object({}),
  output: z.object({
    login: z.string(),
    id: z.number(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    company: z.string().nullable(),
    htmlUrl: z.string(),
    publicRepos: z.number(),
    createdAt: z.string(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async (_input, ctx) => {
    const { data } = await ctx.octokit.rest.users.getAuthenticated({ request: { signal: ctx.signal } });
    return {
      login: data.login,
      id: data.id,
      name: data.name ?? null,
      email: data.email ?? null,
      company: data.company ?? null,
      htmlUrl: data.html_url,
      publicRepos: data.public_repos,
      createdAt: data.created_at,
    };
  },
});
