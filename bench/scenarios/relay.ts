import kafkajs from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { KAFKA_BROKERS, PLAN, TARGETS } from '../config.js';
import { countUnpublished, seedOutbox } from '../db.js';
import type { Row } from '../report.js';
import { BOTH, type Target } from '../targets.js';

/**
 * The seeded rows go to a topic of their own that no consumer subscribes to: the relay publishes
 * whatever topic a row names, and this way the drain is measured alone, without 50,000 events then
 * flooding metrics (and competing for the CPU) during the scenarios that follow.
 */
const DRAIN_TOPIC = 'bench.relay.drain';

async function createDrainTopic(): Promise<void> {
  const admin = new kafkajs.Kafka({ clientId: 'bench', brokers: [KAFKA_BROKERS], logLevel: kafkajs.logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic: DRAIN_TOPIC, numPartitions: 6, replicationFactor: 1 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Scenario 4, relay drain: 50,000 unpublished outbox rows, committed at once, to published (sent to
 * Kafka with acks=all and marked), timed from the commit until no row is left unpublished.
 */
export async function relayScenario(): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  await createDrainTopic();
  const results = {} as Record<Target['name'], { rows: number; seconds: number; eventsPerSecond: number }>;
  for (const target of BOTH) {
    await seedOutbox(target.ideasDbUrl, DRAIN_TOPIC, PLAN.relayRows, 'bench-relay-');
    const started = performance.now();
    const deadline = started + 180_000;
    while ((await countUnpublished(target.ideasDbUrl)) > 0) {
      if (performance.now() > deadline) throw new Error(`${target.name}: relay did not drain within 180 s`);
      await sleep(100);
    }
    const seconds = (performance.now() - started) / 1_000;
    results[target.name] = { rows: PLAN.relayRows, seconds: Math.round(seconds * 100) / 100, eventsPerSecond: Math.round(PLAN.relayRows / seconds) };
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
