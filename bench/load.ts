import autocannon from 'autocannon';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  /** Responses per second actually completed. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  /** Non-2xx answers and transport errors. */
  errors: number;
  /** Bodies of successful answers, when asked for (to collect the ids of created ideas). */
  bodies: string[];
}

export interface OpenLoadOptions {
  origin: string;
  ratePerSecond: number;
  durationSeconds: number;
  /** Builds the i-th request, so each can carry its own id or body. */
  request: (index: number) => RequestSpec;
  keepBodies?: boolean;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

function summarise(latencies: number[], elapsedSeconds: number, errors: number, bodies: string[]): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round(latencies.length / elapsedSeconds),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.at(-1) ?? Number.NaN),
    requests: latencies.length,
    errors,
    bodies,
  };
}

/**
 * A constant-arrival-rate (open-model) generator: request i is due at start + i/rate whether or not
 * earlier ones have been answered, and its latency counts from that due time. A slow server therefore
 * shows as latency instead of silently lowering the offered rate (no coordinated omission). Built on
 * undici's Pool, the client under Node's own fetch, without the WHATWG stream layers fetch adds.
 */
export async function openLoad(options: OpenLoadOptions): Promise<LoadResult> {
  const pool = new Pool(options.origin, { connections: 256, pipelining: 1, headersTimeout: 10_000, bodyTimeout: 10_000 });
  const total = Math.round(options.ratePerSecond * options.durationSeconds);
  const intervalMs = 1_000 / options.ratePerSecond;
  const latencies: number[] = [];
  const bodies: string[] = [];
  const inFlight = new Set<Promise<void>>();
  let errors = 0;
  const send = (index: number, dueAt: number): Promise<void> => {
    const spec = options.request(index);
    return pool
      .request({ method: spec.method, path: spec.path, headers: spec.headers, body: spec.body })
      .then(async (response) => {
        const text = await response.body.text();
        latencies.push(performance.now() - dueAt);
        if (response.statusCode >= 300) errors += 1;
        else if (options.keepBodies) bodies.push(text);
      })
      .catch(() => {
        errors += 1;
      });
  };
  const start = performance.now();
  let next = 0;
  while (next < total) {
    const now = performance.now();
    for (; next < total && start + next * intervalMs <= now; next += 1) {
      const promise = send(next, start + next * intervalMs);
      inFlight.add(promise);
      void promise.finally(() => inFlight.delete(promise));
    }
    // Timers fire at millisecond granularity; requests that fell due meanwhile go out together with
    // their own due times, so the wait never hides latency.
    await sleep(1);
  }
  await Promise.all(inFlight);
  const elapsedSeconds = (performance.now() - start) / 1_000;
  await pool.close();
  return summarise(latencies, elapsedSeconds, errors, bodies);
}

/**
 * Every request at once, on fresh connections, as a page of a front end does after the user has been
 * idle: what a burst costs when nothing is warm on the client's side.
 */
export async function burstLoad(origin: string, requests: RequestSpec[]): Promise<LoadResult> {
  const pool = new Pool(origin, { connections: requests.length, pipelining: 1, headersTimeout: 10_000, bodyTimeout: 10_000 });
  let errors = 0;
  const start = performance.now();
  const latencies: number[] = [];
  await Promise.all(
    requests.map(async (spec) => {
      try {
        const response = await pool.request({ method: spec.method, path: spec.path, headers: spec.headers, body: spec.body });
        await response.body.text();
        latencies.push(performance.now() - start);
        if (response.statusCode >= 300) errors += 1;
      } catch {
        errors += 1;
      }
    }),
  );
  const elapsedSeconds = (performance.now() - start) / 1_000;
  await pool.close();
  return summarise(latencies, elapsedSeconds, errors, []);
}

export interface ClosedLoadOptions {
  origin: string;
  connections: number;
  durationSeconds: number;
  request: RequestSpec;
  /** Paths to cycle through (e.g. one per idea), instead of always the same one. */
  paths?: string[];
}

/**
 * Throughput at a fixed number of connections (closed model) with autocannon: each connection sends
 * its next request when the previous one is answered, so requests/s is what the server sustains.
 */
export async function closedLoad(options: ClosedLoadOptions): Promise<LoadResult> {
  let cursor = 0;
  const paths = options.paths;
  const result = await autocannon({
    url: `${options.origin}${options.request.path}`,
    connections: options.connections,
    duration: options.durationSeconds,
    method: options.request.method,
    headers: options.request.headers,
    body: options.request.body,
    requests: paths
      ? [{ setupRequest: (request) => ({ ...request, path: paths[cursor++ % paths.length] }) }]
      : undefined,
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    errors: result.non2xx + result.errors + result.timeouts,
    bodies: [],
  };
}
