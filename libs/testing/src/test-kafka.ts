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

  /** Every record of a topic from the beginning, read by a throw-away consumer group. */
  async readAll(topic: string, expectAtLeast: number, timeoutMs = 20_000): Promise<KafkaMessage[]> {
    const consumer = this.kafka.consumer({ groupId: `e2e-reader-${Date.now()}-${Math.random()}` });
    const received: KafkaMessage[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${received.length} of ${expectAtLeast} records on ${topic}`)), timeoutMs);
        void consumer.run({
          eachMessage: async ({ message }) => {
            received.push(message);
            if (received.length >= expectAtLeast) {
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
