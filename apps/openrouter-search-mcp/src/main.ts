import { startMcpServer } from '@sophia/mcp-base';
import { openrouterSearchApp } from './app';

void startMcpServer(openrouterSearchApp);
