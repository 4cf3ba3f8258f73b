import { startMcpServer } from '@sophia/mcp-base';
import { gongApp } from './app';

void startMcpServer(gongApp);
