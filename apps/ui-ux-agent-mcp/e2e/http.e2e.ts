import { HttpResponse, bundlePath, callToolOverHttp, describeServerOverHttp, http, resultError, resultJson, serveFakeUpstream } from '@sophia/mcp-testing';
import { BUTTON_ANSWER, chatCompletion } from '../test/fixtures';

const configuredEnv = { OPENROUTER_API_KEY: 'sk-or-v1-e2e-000000', OPENROUTER_API_URL: 'http://127.0.0.1:1' };
const sampleCall = { name: 'check_contrast', arguments: { foreground: '#777777', background: '#ffffff' } };

// check_contrast works offline; generate_component asks OpenRouter, so its calls stay in flight.
describeServerOverHttp({
  app: 'ui-ux-agent-mcp',
  configuredEnv,
  sampleCall,
  drain: { call: { name: 'generate_component', arguments: { description: 'a save button' } } },
});

describe('ui-ux-agent-mcp LLM tools in the built bundle against a fake OpenRouter on loopback', () => {
  const generate = { name: 'generate_component', arguments: { description: 'a save button' } };

  it('generates a component through both client generations, one completion each', async () => {
    const upstream = await serveFakeUpstream([http.post('*/chat/completions', () => HttpResponse.json(chatCompletion(BUTTON_ANSWER)))]);
    try {
      const env = { ...configuredEnv, OPENROUTER_API_URL: `${upstream.url}/api/v1` };
      for (const result of await callToolOverHttp(bundlePath('ui-ux-agent-mcp'), env, generate)) {
        expect(resultJson<{ code: string }>(result).code).toContain('export default function SaveButton');
        expect(result.structuredContent).toMatchObject({ language: 'tsx', truncated: false });
      }
      expect(upstream.requests).toEqual([
        { method: 'POST', path: '/api/v1/chat/completions' },
        { method: 'POST', path: '/api/v1/chat/completions' },
      ]);
    } finally {
      await upstream.close();
    }
  });

  it('sends a completion that failed with 503 only once', async () => {
    const upstream = await serveFakeUpstream([
      http.post('*/chat/completions', () => HttpResponse.json({ error: { code: 503, message: 'No available provider' } }, { status: 503 })),
    ]);
    try {
      const env = { ...configuredEnv, OPENROUTER_API_URL: upstream.url };
      for (const result of await callToolOverHttp(bundlePath('ui-ux-agent-mcp'), env, generate)) {
        expect(resultError(result)).toMatch(/^upstream_error: OpenRouter failed \(HTTP 503\)/);
      }
      // Both client generations called once each: two requests, none repeated.
      expect(upstream.requests).toHaveLength(2);
    } finally {
      await upstream.close();
    }
  });
});
