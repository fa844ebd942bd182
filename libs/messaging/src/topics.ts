import { deadLetterTopicOf, TOPIC_PARTITIONS } from '#ikm/contracts';
import type { Kafka } from 'kafkajs';

/** Dead-letter topics are low-volume; a single partition keeps them easy to inspect in order. */
const DEAD_LETTER_PARTITIONS = 1;

/**
 * Creates the topics a service needs with explicit partition counts (broker auto-creation is off).
 * Existing topics are left as they are, so every service may call this for the topics it touches.
 */
export async function ensureTopics(kafka: Kafka, topics: string[], withDeadLetters: boolean): Promise<void> {
  const wanted = new Map<string, number>();
  for (const topic of topics) {
    const partitions = TOPIC_PARTITIONS[topic];
    if (!partitions) throw new Error(`topic ${topic} has no partition count in libs/contracts TOPIC_PARTITIONS`);
    wanted.set(topic, partitions);
    if (withDeadLetters) wanted.set(deadLetterTopicOf(topic), DEAD_LETTER_PARTITIONS);
  }
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...wanted].filter(([topic]) => !existing.has(topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map(([topic, numPartitions]) => ({ topic, numPartitions, replicationFactor: -1 })),
    });
  } catch (error) {
    // Another service may have created the same topic a moment earlier.
    if ((error as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw error;
  } finally {
    await admin.disconnect();
  }
}
