import { startMcpServer } from '@sophia/mcp-base';
import { postgresApp } from './app';

void startMcpServer(postgresApp);
