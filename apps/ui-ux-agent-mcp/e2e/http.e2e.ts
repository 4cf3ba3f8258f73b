import { describeServerOverHttp } from '@sophia/mcp-testing';

const configuredEnv = { OPENROUTER_API_KEY: 'sk-or-v1-e2e-000000', OPENROUTER_API_URL: 'http://127.0.0.1:1' };
const sampleCall = { name: 'check_contrast', arguments: { foreground: '#777777', background: '#ffffff' } };

describeServerOverHttp({ app: 'ui-ux-agent-mcp', configuredEnv, sampleCall });
