import { startMcpServer } from '@sophia/mcp-base';
import { slackApp } from './app';

void startMcpServer(slackApp);
