import { HttpResponse, describeStructuredContent, useFakeUpstream, type RequestHandler } from '@sophia/mcp-testing';
import { portkeyAdminApp } from '../src/app';
import { portkeyList, route, writeEnv } from './fake-upstream';
import { apiKey, configBody, configSummary, configVersion, costGraph, promptSummary, renderedChat, requestsGraph, virtualKey, window, workspace } from './fixtures/portkey';

/** One documented answer per endpoint, and one call per tool: every tool of the server is here. */
const handlers: RequestHandler[] = [
  route('get', '/configs', () => HttpResponse.json({ success: true, data: [configSummary('pc-prod')] })).handler,
  route('get', '/configs/pc-prod', () => HttpResponse.json({ success: true, data: { config: configBody } })).handler,
  route('get', '/configs/pc-prod/versions', () => portkeyList([configVersion('pc-prod', 'v1', '2026-11-01T00:00:00.000Z')])).handler,
  route('put', '/configs/pc-prod', () => HttpResponse.json({ success: true, data: { version_id: 'v2' } })).handler,
  route('get', '/virtual-keys', () => portkeyList([virtualKey('vk-a')], 5)).handler,
  route('get', '/api-keys', () => portkeyList([apiKey('f47ac10b-58cc-4372-a567-0e02b2c3d479')])).handler,
  route('get', '/prompts', () => portkeyList([promptSummary('support')])).handler,
  route('post', '/prompts/pp-support/render', () => HttpResponse.json(renderedChat('hi'))).handler,
  route('get', '/analytics/graphs/cost', () => HttpResponse.json(costGraph)).handler,
  route('get', '/analytics/graphs/requests', () => HttpResponse.json(requestsGraph)).handler,
  route('get', '/admin/workspaces', () => portkeyList([workspace('ws-team')])).handler,
];

const calls: Record<string, Record<string, unknown>> = {
  list_configs: {},
  get_config: { slug: 'pc-prod' },
  update_config: { slug: 'pc-prod', name: 'Prod' },
  list_virtual_keys: { limit: 1 },
  list_api_keys: {},
  list_prompts: {},
  render_prompt: { promptId: 'pp-support', variables: { user_input: 'hi' } },
  get_cost_analytics: window,
  get_request_analytics: window,
  list_workspaces: {},
};

describe('structured content', () => {
  const fake = useFakeUpstream();
  beforeEach(() => fake.use(...handlers));

  describeStructuredContent({ app: portkeyAdminApp, env: writeEnv, calls });
});
