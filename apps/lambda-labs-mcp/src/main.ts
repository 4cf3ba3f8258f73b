import { startMcpServer } from '@sophia/mcp-base';
import { lambdaLabsApp } from './app';

void startMcpServer(lambdaLabsApp);
