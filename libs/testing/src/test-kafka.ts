import { createKafkaClient, createReliableProducer } from '#ikm/messaging';
import type { IHeaders, Kafka, KafkaMessage, Message } from 'kafkajs';
import { pino } from 'pino';
import { kafkaScript } from '../../../scripts/platform.js';
import { KAFKA_SCRIPT_ENV, TEST_KAFKA_BROKERS } from './test-environment.js';

/** The test broker, seen from a test: produce raw records, read topics, stop and start it. */
export class TestKafka {
  readonly kafka: Kafka = createKafkaClient({
    brokers: [TEST_KAFKA_BROKERS],
    clientId: 'e2e-tests',
    logger: pino({ level: 'silent' }),
  });

  async produce(topic: string, messages: Message[]): Promise<void> {
    const producer = createReliableProducer(this.kafka);
    await producer.connect();
    try {
      await producer.send({ topic, acks: -1, messages });
    } finally {
      await producer.disconnect();
    }
  }

  /** Records of a topic from the beginning, at least this many, read by a throw-away consumer group. */
  readAll(topic: string, expectAtLeast: number, timeoutMs = 20_000): Promise<KafkaMessage[]> {
    return this.readUntil(topic, (received) => received.length >= expectAtLeast, timeoutMs);
  }

  /** Records of a topic from the beginning, until `enough` says so or the time is up. */
  async readUntil(topic: string, enough: (received: KafkaMessage[]) => boolean, timeoutMs = 20_000): Promise<KafkaMessage[]> {
    const consumer = this.kafka.consumer({ groupId: `e2e-reader-${Date.now()}-${Math.random()}` });
    const received: KafkaMessage[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`read ${received.length} records on ${topic}, not what was expected`)), timeoutMs);
        // `enough` is asked once per fetched batch, not per record: callers filter everything received,
        // and asked per record on a topic of tens of thousands (a bulk import's) that took minutes.
        void consumer.run({
          eachBatch: async ({ batch }) => {
            received.push(...batch.messages);
            if (enough(received)) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
      return received;
    } finally {
      await consumer.disconnect();
    }
  }

  stopBroker(): void {
    kafkaScript('stop', KAFKA_SCRIPT_ENV);
  }

  startBroker(): void {
    kafkaScript('start', KAFKA_SCRIPT_ENV);
  }
}

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  return headers?.[name]?.toString();
}
