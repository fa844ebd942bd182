import { PLAN, TARGETS } from '../config.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { burstLoad, closedLoad, openLoad, type LoadResult, type RequestSpec } from '../load.js';
import type { Row } from '../report.js';
import { BOTH, type Target } from '../targets.js';
import type { BenchContext } from './context.js';

type Read = 'by id' | 'list page';

function readPaths(target: Target, read: Read, ids: string[]): string[] {
  return read === 'by id' ? ids.map((id) => `${target.ideasPath}/${id}`) : [`${target.ideasPath}?limit=20`];
}

/**
 * Scenario 2, reads: GET an idea by id (cycling through the ideas the write scenario created, all the
 * reader's own drafts) and the first list page, at the fixed rate and then at fixed connections; then a
 * burst of reads by id after a quiet spell.
 */
export async function readScenario(context: BenchContext): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  for (const read of ['by id', 'list page'] as const) {
    const fixed = {} as Record<Target['name'], LoadResult>;
    const closed = {} as Record<Target['name'], LoadResult>;
    for (const target of BOTH) {
      const paths = readPaths(target, read, context.ideaIds[target.name]);
      if (paths.length === 0) throw new Error(`no ideas were created on ${target.name} to read`);
      const headers = { authorization: `Bearer ${context.staffToken}` };
      const request = (i: number): RequestSpec => ({ method: 'GET', path: paths[i % paths.length], headers });
      // Warm-up at the measured rate, not measured: the first requests of a path run cold code.
      await openLoad({ origin: target.origin, ratePerSecond: PLAN.readRate, durationSeconds: PLAN.warmupSeconds, request });
      fixed[target.name] = await openLoad({ origin: target.origin, ratePerSecond: PLAN.readRate, durationSeconds: PLAN.fixedRateSeconds, request });
      closed[target.name] = await closedLoad({
        origin: target.origin,
        connections: PLAN.throughputConnections,
        durationSeconds: PLAN.throughputSeconds,
        request: { method: 'GET', path: paths[0], headers },
        paths,
      });
    }
    const rate = `${read}, ${PLAN.readRate} req/s`;
    const connections = `${read}, ${PLAN.throughputConnections} connections`;
    rows.push(
      { scenario: 'read', metric: 'p50', note: rate, unit: 'ms', platform: fixed.platform.p50Ms, baseline: fixed.baseline.p50Ms },
      { scenario: 'read', metric: 'p99', note: rate, unit: 'ms', platform: fixed.platform.p99Ms, baseline: fixed.baseline.p99Ms, target: { max: TARGETS.readP99Ms } },
      { scenario: 'read', metric: 'throughput', note: connections, unit: 'req/s', platform: closed.platform.requestsPerSecond, baseline: closed.baseline.requestsPerSecond },
      { scenario: 'read', metric: 'p99', note: connections, unit: 'ms', platform: closed.platform.p99Ms, baseline: closed.baseline.p99Ms },
    );
    details[read] = { fixedRate: fixed, fixedConnections: closed };
  }
  const burst = await burstAfterQuiet(context);
  rows.push(
    { scenario: 'read', metric: 'p50', note: burst.note, unit: 'ms', platform: burst.results.platform.p50Ms, baseline: burst.results.baseline.p50Ms },
    { scenario: 'read', metric: 'max', note: burst.note, unit: 'ms', platform: burst.results.platform.maxMs, baseline: burst.results.baseline.maxMs },
  );
  details.burstAfterQuiet = burst.results;
  return { rows, details };
}

/**
 * Reads by id all at once after nothing has happened for a while: what the first user back after a
 * lull waits, which the steady-state figures hide (pools that closed idle connections, for one).
 */
async function burstAfterQuiet(context: BenchContext): Promise<{ note: string; results: Record<Target['name'], LoadResult> }> {
  const results = {} as Record<Target['name'], LoadResult>;
  for (const target of BOTH) {
    const ids = context.ideaIds[target.name].slice(0, PLAN.burstRequests);
    const headers = { authorization: `Bearer ${context.staffToken}` };
    await sleep(PLAN.quietSeconds * 1_000);
    results[target.name] = await burstLoad(
      target.origin,
      ids.map((id) => ({ method: 'GET', path: `${target.ideasPath}/${id}`, headers })),
    );
  }
  return { note: `by id, ${PLAN.burstRequests} at once after ${PLAN.quietSeconds} s of quiet`, results };
}
