import { startMcpServer } from '@sophia/mcp-base';
import { linearApp } from './app';

void startMcpServer(linearApp);
