import kafkajs, { type Kafka, type LogEntry, type logCreator, type Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { kafkaLogLevel } from './kafka-log-level.js';

const { Kafka: KafkaClient, logLevel, Partitioners } = kafkajs;

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
}

/** kafkajs logs through the service's pino logger so broker trouble shows in the same structured stream. */
function pinoLogCreator(logger: Logger): logCreator {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, timestamp: _timestamp, logger: _name, ...extra } = log;
      kafkaLogger[kafkaLogLevel(level, String(message), extra.error)](extra, message);
    };
}

export function createKafkaClient(options: KafkaClientOptions): Kafka {
  return new KafkaClient({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    // Reconnection is driven by the relay and consumer loops; a short client retry keeps failures visible.
    retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2_000 },
    logLevel: logLevel.WARN,
    logCreator: pinoLogCreator(options.logger),
  });
}

/**
 * Every producer of the platform: idempotent with one request in flight, so retries neither duplicate
 * nor reorder records of a partition; topics are never auto-created.
 */
export function createReliableProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}
