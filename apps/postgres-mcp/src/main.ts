import { startMcpServer } from '@sophia/mcp-base';
import { createPostgresApp } from './app';
import { accessModeOf } from './config';

// The access mode chooses the tool definitions (their annotations), so it is read from the
// process environment before the base starts; the context re-checks it against the full config.
void startMcpServer(createPostgresApp(accessModeOf(process.env)));
