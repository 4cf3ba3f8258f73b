import { startMcpServer } from '@sophia/mcp-base';
import { notionApp } from './app';

void startMcpServer(notionApp);
