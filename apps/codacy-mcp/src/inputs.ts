import { z } from 'zod';

/**
 * Input fields every tool shares. Codacy addresses everything by git provider, organization and
 * repository name as the git provider spells them; the patterns reject path tricks ("../", "a/b")
 * before any request is made.
 */
export const provider = z
  .enum(['gh', 'gl', 'bb', 'ghe', 'gle', 'bbe'])
  .describe('Git provider: gh (GitHub), gl (GitLab), bb (Bitbucket); ghe, gle, bbe for their Enterprise/Server editions.');

const name = (what: string, label: string, example: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_.][A-Za-z0-9_.-]{0,99}$/, `a ${what} name as the git provider spells it, e.g. "${example}"`)
    .refine((value) => value !== '.' && value !== '..', `a ${what} name, not "." or ".."`)
    .describe(`${label} name on the git provider, e.g. "${example}" (from the git remote URL).`);

export const organization = name('organization', 'Organization', 'acme');
export const repository = name('repository', 'Repository', 'web-app');

/** The three fields that name a repository, spread into tool inputs. */
export const repositoryInput = { provider, organization, repository };

export const pullRequestNumber = z.number().int().min(1).describe('Pull request number on the git provider, e.g. 42.');

/** `/analysis/organizations/{provider}/{org}` and the same with `/repositories/{repo}`, each segment encoded. */
export const organizationPath = (input: { provider: string; organization: string }) =>
  `organizations/${input.provider}/${encodeURIComponent(input.organization)}`;

export const repositoryPath = (input: { provider: string; organization: string; repository: string }) =>
  `${organizationPath(input)}/repositories/${encodeURIComponent(input.repository)}`;
