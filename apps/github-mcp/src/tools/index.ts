import type { ToolList } from '@sophia/mcp-base';
import type { GithubContext } from '../context';
import { getMe } from './get-me.tool';

/** Every github-mcp tool, in the order clients list them. */
export const githubTools: ToolList<GithubContext> = [getMe];
