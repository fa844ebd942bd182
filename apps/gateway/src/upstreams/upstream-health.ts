import type { HealthIndicator } from '#ikm/http';
import type { Upstream } from './upstreams.js';

/** The upstream's own readiness, bounded in time. One upstream down leaves the others reachable. */
export function upstreamHealth(upstream: Upstream, timeoutMs: number): HealthIndicator {
  return {
    name: upstream.name,
    critical: false,
    check: async () => {
      const response = await fetch(`${upstream.url}/health/ready`, { signal: AbortSignal.timeout(timeoutMs) });
      const body = (await response.json().catch(() => ({}))) as { status?: string };
      return { up: response.ok, detail: body.status ?? `HTTP ${response.status}` };
    },
  };
}
