import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

export interface DeadLetterOrigin {
  consumer: string;
  topic: string;
  partition: number;
  message: KafkaMessage;
  error: Error;
  attempts: number;
}

/** Header names that say where a dead letter came from and why it could not be handled. */
export const DEAD_LETTER_HEADERS = {
  topic: 'dlq_original_topic',
  partition: 'dlq_original_partition',
  offset: 'dlq_original_offset',
  consumer: 'dlq_consumer',
  error: 'dlq_error',
  errorType: 'dlq_error_type',
  attempts: 'dlq_attempts',
  failedAt: 'dlq_failed_at',
} as const;

const MAX_ERROR_LENGTH = 2_000;

/** The dead letter keeps the original key, value and headers byte for byte, so it can be replayed. */
export function deadLetterOf(origin: DeadLetterOrigin): Message {
  const headers: IHeaders = { ...(origin.message.headers ?? {}) };
  headers[DEAD_LETTER_HEADERS.topic] = origin.topic;
  headers[DEAD_LETTER_HEADERS.partition] = String(origin.partition);
  headers[DEAD_LETTER_HEADERS.offset] = origin.message.offset;
  headers[DEAD_LETTER_HEADERS.consumer] = origin.consumer;
  headers[DEAD_LETTER_HEADERS.error] = origin.error.message.slice(0, MAX_ERROR_LENGTH);
  headers[DEAD_LETTER_HEADERS.errorType] = origin.error.name;
  headers[DEAD_LETTER_HEADERS.attempts] = String(origin.attempts);
  headers[DEAD_LETTER_HEADERS.failedAt] = new Date().toISOString();
  return { key: origin.message.key, value: origin.message.value, headers };
}
