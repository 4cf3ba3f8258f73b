import { startMcpServer } from '@sophia/mcp-base';
import { githubApp } from './app';

void startMcpServer(githubApp);
