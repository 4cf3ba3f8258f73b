import { startMcpServer } from '@sophia/mcp-base';
import { snowflakeApp } from './app';

void startMcpServer(snowflakeApp);
