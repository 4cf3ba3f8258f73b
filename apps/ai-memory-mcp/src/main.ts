import { startMcpServer } from '@sophia/mcp-base';
import { aiMemoryApp } from './app';

void startMcpServer(aiMemoryApp);
