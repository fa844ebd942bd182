import { BENCH, PLAN, TARGETS } from '../config.js';
import { replayBaseline } from '../baseline/replay.js';
import { seedEventLogTo } from '../db.js';
import type { Row } from '../report.js';
import { BASELINE, PLATFORM } from '../targets.js';
import type { BenchContext } from './context.js';

interface Rebuilt {
  events: number;
  durationMs: number;
  eventsPerSecond: number;
}

const rate = (events: number, durationMs: number): number => Math.round(events / (durationMs / 1_000));

/**
 * Scenario 5, replay: the event log topped up to 100,000 events, then every projection rebuilt from
 * it (metrics' POST /metrics/projections/rebuild; the baseline's same loop on plain pg).
 */
export async function replayScenario(context: BenchContext): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  await seedEventLogTo(PLATFORM.eventsDbUrl, PLATFORM.topic, PLAN.replayEvents);
  await seedEventLogTo(BASELINE.eventsDbUrl, BASELINE.topic, PLAN.replayEvents);
  const response = await fetch(`http://127.0.0.1:${BENCH.metricsPort}/metrics/projections/rebuild`, {
    method: 'POST',
    headers: { authorization: `Bearer ${context.adminToken}` },
    signal: AbortSignal.timeout(300_000),
  });
  if (!response.ok) throw new Error(`rebuild answered ${response.status}: ${await response.text()}`);
  const platformResult = (await response.json()) as { events: number; durationMs: number };
  const baselineResult = await replayBaseline(BASELINE.eventsDbUrl);
  const platform: Rebuilt = { ...platformResult, eventsPerSecond: rate(platformResult.events, platformResult.durationMs) };
  const baseline: Rebuilt = { ...baselineResult, eventsPerSecond: rate(baselineResult.events, baselineResult.durationMs) };
  const rows: Row[] = [
    {
      scenario: 'replay',
      metric: 'rate',
      note: `${platform.events} events`,
      unit: 'events/s',
      platform: platform.eventsPerSecond,
      baseline: baseline.eventsPerSecond,
      target: { min: TARGETS.replayEventsPerSecond },
    },
  ];
  return { rows, details: { platform, baseline } };
}
