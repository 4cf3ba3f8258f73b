/** The parts of OpenRouter's documented answers this server reads (snake_case, as sent). */

/** Prices are USD per token (or per request/image) as decimal strings; "-1" means variable (routers). */
export interface RawPricing {
  prompt?: string;
  completion?: string;
  request?: string;
  image?: string;
  input_cache_read?: string;
  internal_reasoning?: string;
}

/** One entry of `GET /models` → `{ data: [...], links?: { next } }`. */
export interface RawModel {
  id: string;
  canonical_slug?: string;
  name?: string;
  created?: number;
  description?: string;
  context_length?: number | null;
  architecture?: { modality?: string; input_modalities?: string[]; output_modalities?: string[]; tokenizer?: string };
  pricing?: RawPricing;
  top_provider?: { context_length?: number | null; max_completion_tokens?: number | null; is_moderated?: boolean };
  supported_parameters?: string[];
  expiration_date?: string | null;
  knowledge_cutoff?: string | null;
}

export interface RawPercentiles {
  p50?: number | null;
  p90?: number | null;
}

/** One entry of `GET /models/{author}/{slug}/endpoints` → `{ data: { id, name, endpoints: [...] } }`. */
export interface RawEndpoint {
  name?: string;
  provider_name?: string;
  tag?: string;
  quantization?: string | null;
  context_length?: number | null;
  max_completion_tokens?: number | null;
  max_prompt_tokens?: number | null;
  pricing?: RawPricing;
  supported_parameters?: string[];
  status?: number | string | null;
  uptime_last_30m?: number | null;
  uptime_last_1d?: number | null;
  latency_last_30m?: RawPercentiles | null;
  throughput_last_30m?: RawPercentiles | null;
  supports_implicit_caching?: boolean;
}

/** One entry of `GET /providers` → `{ data: [...] }`. */
export interface RawProvider {
  name: string;
  slug: string;
  privacy_policy_url?: string | null;
  terms_of_service_url?: string | null;
  status_page_url?: string | null;
  headquarters?: string | null;
  datacenters?: string[] | null;
}

/** `GET /key` → `{ data }`. */
export interface RawKey {
  label?: string;
  limit?: number | null;
  limit_remaining?: number | null;
  limit_reset?: string | null;
  usage?: number;
  usage_daily?: number;
  usage_weekly?: number;
  usage_monthly?: number;
  byok_usage?: number;
  is_free_tier?: boolean;
  is_management_key?: boolean;
  is_provisioning_key?: boolean;
  include_byok_in_limit?: boolean;
  expires_at?: string | null;
}

/** `POST /chat/completions` (not streamed). */
export interface RawChatCompletion {
  id: string;
  model?: string;
  provider?: string;
  choices?: { finish_reason?: string | null; message?: { content?: string | null } }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number; cost?: number };
}
