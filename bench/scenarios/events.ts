import { PLAN, TARGETS } from '../config.js';
import { eventLatency, waitForEvents, type EventLatency } from '../db.js';
import { openLoad, type LoadResult } from '../load.js';
import type { Row } from '../report.js';
import { BOTH, type Target } from '../targets.js';
import { createIdeaRequest, type BenchContext } from './context.js';
import { MAX_RATE_WRITES } from './write.js';

const FIXED_RATE_EVENTS = 'bench-e100-';

async function settledLatency(target: Target, prefix: string, expected: number): Promise<EventLatency> {
  const logged = await waitForEvents(target.eventsDbUrl, prefix, expected, 120_000);
  if (logged < expected) throw new Error(`${target.name}: only ${logged} of ${expected} events with ${prefix} reached the event log`);
  return eventLatency(target.eventsDbUrl, prefix);
}

/**
 * Scenario 3, event latency: from the commit in ideas to metrics' projection update, taken from the
 * event's time and the event log's recorded time (same transaction as the projection update), at the
 * fixed event rate (writes at that rate) and at the highest rate the write path sustains (the events
 * of the write scenario's fixed-connections run).
 */
export async function eventScenario(
  context: BenchContext,
  maxRateWrites: Record<Target['name'], number>,
): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const writes = {} as Record<Target['name'], LoadResult>;
  const atRate = {} as Record<Target['name'], EventLatency>;
  const atMax = {} as Record<Target['name'], EventLatency>;
  for (const target of BOTH) {
    atMax[target.name] = await settledLatency(target, MAX_RATE_WRITES, maxRateWrites[target.name]);
  }
  for (const target of BOTH) {
    writes[target.name] = await openLoad({
      origin: target.origin,
      ratePerSecond: PLAN.eventRate,
      durationSeconds: PLAN.fixedRateSeconds,
      request: (i) => createIdeaRequest(target, context.staffToken, `${FIXED_RATE_EVENTS}${i}`),
    });
    atRate[target.name] = await settledLatency(target, FIXED_RATE_EVENTS, writes[target.name].requests - writes[target.name].errors);
  }
  const rate = `${PLAN.eventRate} events/s`;
  const max = 'at the max write rate';
  const rows: Row[] = [
    { scenario: 'event latency', metric: 'p50', note: rate, unit: 'ms', platform: atRate.platform.p50Ms, baseline: atRate.baseline.p50Ms },
    { scenario: 'event latency', metric: 'p99', note: rate, unit: 'ms', platform: atRate.platform.p99Ms, baseline: atRate.baseline.p99Ms, target: { max: TARGETS.eventP99Ms } },
    { scenario: 'event latency', metric: 'p50', note: max, unit: 'ms', platform: atMax.platform.p50Ms, baseline: atMax.baseline.p50Ms },
    { scenario: 'event latency', metric: 'p99', note: max, unit: 'ms', platform: atMax.platform.p99Ms, baseline: atMax.baseline.p99Ms },
    { scenario: 'event latency', metric: 'sustained rate', note: 'first commit to last projection update', unit: 'events/s', platform: atMax.platform.eventsPerSecond, baseline: atMax.baseline.eventsPerSecond },
  ];
  return { rows, details: { fixedRateWrites: writes, fixedRate: atRate, maxRate: atMax } };
}
