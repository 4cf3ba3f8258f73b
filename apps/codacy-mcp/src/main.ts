import { startMcpServer } from '@sophia/mcp-base';
import { codacyApp } from './app';

void startMcpServer(codacyApp);
