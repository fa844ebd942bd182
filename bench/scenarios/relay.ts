import { setTimeout as sleep } from 'node:timers/promises';
import { PLAN, TARGETS } from '../config.js';
import { countUnpublished, seedOutbox } from '../db.js';
import type { Row } from '../report.js';
import { BOTH, type Target } from '../targets.js';

export interface ConsumerControl {
  /** Stops the target's consumer, so the relay is measured alone and not sharing the CPU with it. */
  stop(target: Target): Promise<void>;
  /** Moves the consumer group past the seeded events and starts the consumer again. */
  skipAndStart(target: Target): Promise<void>;
}

/**
 * Scenario 4, relay drain: 50,000 unpublished outbox rows, committed at once, to published (sent to
 * Kafka with acks=all and marked), timed from the commit until no row is left unpublished.
 */
export async function relayScenario(control: ConsumerControl): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const results = {} as Record<Target['name'], { rows: number; seconds: number; eventsPerSecond: number }>;
  for (const target of BOTH) {
    await control.stop(target);
    await seedOutbox(target.ideasDbUrl, target.topic, PLAN.relayRows, 'bench-relay-');
    const started = performance.now();
    const deadline = started + 180_000;
    while ((await countUnpublished(target.ideasDbUrl)) > 0) {
      if (performance.now() > deadline) throw new Error(`${target.name}: relay did not drain within 180 s`);
      await sleep(100);
    }
    const seconds = (performance.now() - started) / 1_000;
    results[target.name] = { rows: PLAN.relayRows, seconds: Math.round(seconds * 100) / 100, eventsPerSecond: Math.round(PLAN.relayRows / seconds) };
    await control.skipAndStart(target);
  }
  const rows: Row[] = [
    {
      scenario: 'relay drain',
      metric: 'rate',
      note: `${PLAN.relayRows} rows`,
      unit: 'events/s',
      platform: results.platform.eventsPerSecond,
      baseline: results.baseline.eventsPerSecond,
      target: { min: TARGETS.relayEventsPerSecond },
    },
  ];
  return { rows, details: results };
}
