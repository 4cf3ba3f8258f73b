import { listPageOutput, pageInput, pageOfList } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineLambdaLabsTool } from '../context';
import { sshKey, sshKeyOutput, type LambdaSshKey } from '../shapes';

export const listSshKeys = defineLambdaLabsTool({
  name: 'list_ssh_keys',
  toolset: 'account',
  title: 'List SSH keys',
  description: "The account's SSH keys (id, name, start of the public key). launch_instance takes exactly one key by name.",
  input: z.object({ ...pageInput({ defaultLimit: 50 }) }),
  output: listPageOutput(sshKeyOutput),
  annotations: { readOnlyHint: true, openWorldHint: true },
  handler: async ({ cursor, limit }, ctx) => pageOfList((await ctx.api.list<LambdaSshKey>('/ssh-keys')).map(sshKey), cursor, limit),
});
