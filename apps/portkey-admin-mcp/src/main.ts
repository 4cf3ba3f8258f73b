import { startMcpServer } from '@sophia/mcp-base';
import { portkeyAdminApp } from './app';

void startMcpServer(portkeyAdminApp);
