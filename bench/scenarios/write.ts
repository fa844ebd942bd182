import { PLAN, TARGETS } from '../config.js';
import { closedLoad, openLoad, type LoadResult } from '../load.js';
import type { Row } from '../report.js';
import { BOTH, type Target } from '../targets.js';
import { createIdeaRequest, type BenchContext } from './context.js';

/** Correlation ids of the write scenario's events, read again by the event-latency scenario. */
export const FIXED_RATE_WRITES = 'bench-w300-';
export const MAX_RATE_WRITES = 'bench-wmax';

/**
 * Scenario 1, writes: POST an idea (through the gateway with a real token, for the platform) at the
 * target's fixed rate from an open-model generator, then at a fixed number of connections for the
 * throughput. Keeps the created ids for the read scenario.
 */
export async function writeScenario(context: BenchContext): Promise<{ rows: Row[]; details: Record<string, unknown>; maxRateWrites: Record<Target['name'], number> }> {
  const fixed = {} as Record<Target['name'], LoadResult>;
  const closed = {} as Record<Target['name'], LoadResult>;
  for (const target of BOTH) {
    // Warm-up at the measured rate, right before the measurement and not part of it: freshly started
    // processes spend their first seconds compiling hot code and growing pools (the platform answered
    // in 300-800 ms for about 13 s after start).
    await openLoad({
      origin: target.origin,
      ratePerSecond: PLAN.writeRate,
      durationSeconds: PLAN.warmupSeconds,
      request: (i) => createIdeaRequest(target, context.staffToken, `bench-warm-${i}`),
    });
    fixed[target.name] = await openLoad({
      origin: target.origin,
      ratePerSecond: PLAN.writeRate,
      durationSeconds: PLAN.fixedRateSeconds,
      request: (i) => createIdeaRequest(target, context.staffToken, `${FIXED_RATE_WRITES}${i}`),
      keepBodies: true,
    });
    context.ideaIds[target.name] = fixed[target.name].bodies.map((body) => (JSON.parse(body) as { id: string }).id);
    fixed[target.name].bodies = [];
  }
  for (const target of BOTH) {
    closed[target.name] = await closedLoad({
      origin: target.origin,
      connections: PLAN.throughputConnections,
      durationSeconds: PLAN.throughputSeconds,
      request: createIdeaRequest(target, context.staffToken, MAX_RATE_WRITES),
    });
    closed[target.name].bodies = [];
  }
  const rate = `${PLAN.writeRate} req/s`;
  const connections = `${PLAN.throughputConnections} connections`;
  const rows: Row[] = [
    { scenario: 'write', metric: 'p50', note: rate, unit: 'ms', platform: fixed.platform.p50Ms, baseline: fixed.baseline.p50Ms },
    {
      scenario: 'write',
      metric: 'p99',
      note: rate,
      unit: 'ms',
      platform: fixed.platform.p99Ms,
      baseline: fixed.baseline.p99Ms,
      target: { max: TARGETS.writeP99Ms },
    },
    { scenario: 'write', metric: 'throughput', note: connections, unit: 'req/s', platform: closed.platform.requestsPerSecond, baseline: closed.baseline.requestsPerSecond },
    { scenario: 'write', metric: 'p50', note: connections, unit: 'ms', platform: closed.platform.p50Ms, baseline: closed.baseline.p50Ms },
    { scenario: 'write', metric: 'p99', note: connections, unit: 'ms', platform: closed.platform.p99Ms, baseline: closed.baseline.p99Ms },
  ];
  const maxRateWrites = {
    platform: closed.platform.requests - closed.platform.errors,
    baseline: closed.baseline.requests - closed.baseline.errors,
  };
  return { rows, details: { fixedRate: fixed, fixedConnections: closed }, maxRateWrites };
}
