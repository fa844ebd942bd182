import type { OpenAPIObject } from '@nestjs/swagger';
import type { Logger } from 'pino';
import type { Upstream } from '../upstreams/upstreams.js';
import { mergeOpenApi, type ServiceDocument } from './merge-openapi.js';

const REFRESH_AFTER_MS = 30_000;

/**
 * Fetches each service's OpenAPI document and serves the merge. Documents are refreshed at most every
 * 30 s; a service that is down keeps its last known document, and is listed as unavailable until
 * one has been fetched.
 */
export class OpenApiAggregator {
  private readonly known = new Map<string, OpenAPIObject>();
  private fetchedAt = 0;
  private refreshing?: Promise<void>;

  constructor(
    private readonly upstreams: Upstream[],
    private readonly base: OpenAPIObject,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
  ) {}

  async document(): Promise<OpenAPIObject> {
    if (Date.now() - this.fetchedAt > REFRESH_AFTER_MS || this.known.size < this.upstreams.length) {
      this.refreshing ??= this.refresh().finally(() => (this.refreshing = undefined));
      await this.refreshing;
    }
    const services: ServiceDocument[] = this.upstreams
      .filter((upstream) => this.known.has(upstream.name))
      .map((upstream) => ({ service: upstream.name, document: this.known.get(upstream.name)! }));
    const missing = this.upstreams.filter((upstream) => !this.known.has(upstream.name)).map((upstream) => upstream.name);
    return { ...mergeOpenApi(this.base, services), ...(missing.length ? { 'x-unavailable-services': missing } : {}) };
  }

  private async refresh(): Promise<void> {
    await Promise.all(
      this.upstreams.map(async (upstream) => {
        try {
          const response = await fetch(`${upstream.url}/docs-json`, { signal: AbortSignal.timeout(this.timeoutMs) });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          this.known.set(upstream.name, (await response.json()) as OpenAPIObject);
        } catch (error) {
          this.logger.warn({ err: error, service: upstream.name }, 'could not fetch the service’s OpenAPI document');
        }
      }),
    );
    this.fetchedAt = Date.now();
  }
}
