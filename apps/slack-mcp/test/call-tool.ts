import { toolCaller } from '@sophia/mcp-testing';
import { slackApp } from '../src/app';
import { configuredEnv } from './fake-upstream';

/** Calls one tool through a real MCP client against the real app, on a fresh server. */
export const callTool = toolCaller(slackApp, configuredEnv);
