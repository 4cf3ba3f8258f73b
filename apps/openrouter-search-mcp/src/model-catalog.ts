import type { RawModel } from './openrouter-types';

/** What every catalogue-based result says about the copy it came from. */
export interface CatalogInfo {
  fetchedAt: string;
  ageSeconds: number;
  ttlSeconds: number;
  models: number;
}

export interface CatalogSnapshot {
  models: RawModel[];
  byId: Map<string, RawModel>;
  info: CatalogInfo;
}

interface Loaded {
  models: RawModel[];
  byId: Map<string, RawModel>;
  at: number;
}

export interface ModelCatalogOptions {
  ttlSeconds: number;
  /** Fetches the whole catalogue from OpenRouter (every page). */
  load: () => Promise<RawModel[]>;
  /** Milliseconds since the epoch; injected so tests move time without sleeping. */
  now: () => number;
}

/**
 * The model catalogue, fetched once and kept in-process for `ttlSeconds`: it is large and changes
 * slowly. Concurrent calls share one fetch; a failed fetch is not kept, so the next call tries again.
 */
export class ModelCatalog {
  private loaded: Loaded | undefined;
  private inFlight: Promise<Loaded> | undefined;

  constructor(private readonly options: ModelCatalogOptions) {}

  async snapshot(): Promise<CatalogSnapshot> {
    const { models, byId, at } = this.loaded && !this.isExpired(this.loaded.at) ? this.loaded : await this.refresh();
    return {
      models,
      byId,
      info: {
        fetchedAt: new Date(at).toISOString(),
        ageSeconds: Math.max(0, Math.floor((this.options.now() - at) / 1000)),
        ttlSeconds: this.options.ttlSeconds,
        models: models.length,
      },
    };
  }

  private isExpired(at: number): boolean {
    return this.options.now() - at >= this.options.ttlSeconds * 1000;
  }

  private refresh(): Promise<Loaded> {
    this.inFlight ??= this.options
      .load()
      .then((models) => {
        this.loaded = { models, byId: new Map(models.map((model) => [model.id, model])), at: this.options.now() };
        return this.loaded;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }
}
