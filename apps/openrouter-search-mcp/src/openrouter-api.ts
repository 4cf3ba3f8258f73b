import { ToolError, isToolError, type UpstreamClient, type UpstreamMethod, type UpstreamRequest } from '@sophia/mcp-base';
import type { RawChatCompletion, RawEndpoint, RawKey, RawModel, RawProvider } from './openrouter-types';

/** Pages of /models followed at most (OpenRouter sends one today; `links.next` when it pages). */
const MAX_MODEL_PAGES = 20;

/**
 * OpenRouter's REST API on the base's UpstreamClient: unwraps `{ data }` and refuses answers
 * without it, so an outage page never reaches a tool as an empty catalogue. HTTP errors are
 * already ToolErrors with OpenRouter's `error.message` (UpstreamClient).
 */
export class OpenRouterApi {
  constructor(private readonly http: UpstreamClient) {}

  /** Any endpoint, its JSON as sent: for tools the generator scaffolds before they get a method here. */
  send<T>(method: UpstreamMethod, path: string, request: UpstreamRequest = {}): Promise<T> {
    return this.http.request<T>(method, path, request);
  }

  /** Every model, all output modalities (the default is text-only), following `links.next`. */
  async allModels(): Promise<RawModel[]> {
    const models: RawModel[] = [];
    let path: string | undefined = 'models?output_modalities=all';
    for (let page = 0; path && page < MAX_MODEL_PAGES; page += 1) {
      const body = await this.http.get<{ data?: unknown; links?: { next?: string | null } }>(path);
      models.push(...listOf<RawModel>(body, 'models'));
      path = nextPath(body?.links?.next);
    }
    return models.filter((model) => typeof model?.id === 'string');
  }

  async modelEndpoints(modelId: string): Promise<{ id: string; name?: string; endpoints: RawEndpoint[] }> {
    const [author, ...slug] = modelId.split('/');
    const path = `models/${encodeURIComponent(author)}/${slug.map(encodeURIComponent).join('/')}/endpoints`;
    const data = objectOf<{ id: string; name?: string; endpoints?: unknown }>(await this.http.get(path), 'models/{id}/endpoints');
    if (!Array.isArray(data.endpoints)) throw wrongShape('models/{id}/endpoints', '`data.endpoints` is not a list');
    return { id: data.id, name: data.name, endpoints: data.endpoints as RawEndpoint[] };
  }

  async providers(): Promise<RawProvider[]> {
    return listOf<RawProvider>(await this.http.get('providers'), 'providers');
  }

  async currentKey(): Promise<RawKey> {
    return objectOf<RawKey>(await this.http.get('key'), 'key');
  }

  /** `/credits` needs a management key: say so instead of a bare 401/403. */
  async credits(): Promise<{ total_credits: number; total_usage: number }> {
    const body = await withAdvice(this.http.get('credits'), (error) =>
      error.kind === 'forbidden' || error.kind === 'unauthorized'
        ? 'GET /credits needs an OpenRouter management key (openrouter.ai/settings/management-keys) in OPENROUTER_API_KEY; get_key_usage works with an ordinary key.'
        : undefined,
    );
    return objectOf(body, 'credits');
  }

  /** One chat completion. A POST from a write tool: the base sends it exactly once. */
  async chatCompletion(body: Record<string, unknown>): Promise<RawChatCompletion> {
    const answer = await withAdvice(this.http.post<RawChatCompletion>('chat/completions', { json: body }), (error) =>
      error.message.includes('HTTP 402')
        ? 'OpenRouter answers 402 when the account or this key has too few credits: add credits or raise the key limit (see get_key_usage).'
        : undefined,
    );
    if (!answer || typeof answer.id !== 'string') throw wrongShape('chat/completions', 'no completion `id`');
    return answer;
  }
}

/** Adds what to do to an upstream ToolError the generic status mapping cannot know about. */
async function withAdvice<T>(request: Promise<T>, advice: (error: ToolError) => string | undefined): Promise<T> {
  try {
    return await request;
  } catch (error) {
    const extra = isToolError(error) ? advice(error) : undefined;
    if (!extra || !isToolError(error)) throw error;
    throw new ToolError(error.kind, `${error.message} ${extra}`, error.details);
  }
}

function listOf<T>(body: unknown, path: string): T[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw wrongShape(path, '`data` is not a list');
  return data as T[];
}

function objectOf<T>(body: unknown, path: string): T {
  const data = (body as { data?: unknown } | null)?.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw wrongShape(path, 'no `data` object');
  return data as T;
}

/**
 * `links.next` is a path from the host ("/api/v1/models?offset=…"): keep the query, relative to the
 * API root, and keep asking for every output modality even when the link leaves it out.
 */
function nextPath(next: string | null | undefined): string | undefined {
  if (!next) return undefined;
  const url = new URL(next, 'http://next.invalid');
  if (!url.pathname.endsWith('/models')) return undefined;
  if (!url.searchParams.has('output_modalities')) url.searchParams.set('output_modalities', 'all');
  return `models${url.search}`;
}

const wrongShape = (path: string, what: string) =>
  new ToolError('upstream_error', `OpenRouter answered ${path} with an unexpected body (${what}).`);
