import { startMcpServer } from '@sophia/mcp-base';
import { hubspotApp } from './app';

void startMcpServer(hubspotApp);
