import { startMcpServer } from '@sophia/mcp-base';
import { asanaApp } from './app';

void startMcpServer(asanaApp);
