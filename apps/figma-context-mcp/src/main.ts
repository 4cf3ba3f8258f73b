import { startMcpServer } from '@sophia/mcp-base';
import { figmaContextApp } from './app';

void startMcpServer(figmaContextApp);
