import { startMcpServer } from '@sophia/mcp-base';
import { uiUxAgentApp } from './app';

void startMcpServer(uiUxAgentApp);
