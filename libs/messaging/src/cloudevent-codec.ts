import { findContract } from '#ikm/contracts';
import { CloudEvent, Kafka as KafkaBinding, type KafkaMessage } from 'cloudevents';
import type { IHeaders, Message } from 'kafkajs';
import { z } from 'zod';

/** An outbox row as the relay reads it: everything needed to build the Kafka record. */
export interface OutboxRecord {
  id: string;
  topic: string;
  aggregateId: string;
  type: string;
  source: string;
  occurredAt: Date;
  payload: unknown;
  correlationId: string | null;
  traceparent: string | null;
  actor: string | null;
}

/** A consumed event, validated against its contract. */
export interface ConsumedEvent<Data = unknown> {
  id: string;
  type: string;
  source: string;
  subject: string;
  time: string;
  data: Data;
  correlationId?: string;
  actor?: string;
  topic: string;
  partition: number;
  offset: string;
}

/** A message that can never be handled, however often it is retried. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}

/** CloudEvents 1.0 binary mode: attributes in `ce_*` headers, JSON data as the value. */
export function encodeCloudEvent(record: OutboxRecord): Message {
  const extensions: Record<string, string> = {};
  // The SDK rejects undefined extension values, so only present ones are passed.
  if (record.correlationId) extensions.correlationid = record.correlationId;
  if (record.actor) extensions.actor = record.actor;
  const event = new CloudEvent({
    specversion: '1.0',
    id: record.id,
    source: record.source,
    type: record.type,
    subject: record.aggregateId,
    time: record.occurredAt.toISOString(),
    datacontenttype: 'application/json',
    data: record.payload,
    ...extensions,
  });
  const binary = KafkaBinding.binary(event);
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(binary.headers)) {
    if (value !== undefined && value !== null) headers[name] = String(value);
  }
  if (record.traceparent) headers.traceparent = record.traceparent;
  return { key: record.aggregateId, value: JSON.stringify(record.payload), headers };
}

const RequiredAttributes = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  source: z.string().min(1),
  specversion: z.literal('1.0'),
  subject: z.string().min(1),
  time: z.string().min(1),
});

function headersAsStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    result[name] = Array.isArray(value) ? String(value[0]) : value.toString();
  }
  return result;
}

/** Decodes and validates a Kafka record; throws InvalidEventError for anything that is not a known event. */
export function decodeCloudEvent(
  topic: string,
  partition: number,
  message: { key: Buffer | null; value: Buffer | null; headers?: IHeaders; offset: string },
): ConsumedEvent {
  const headers = headersAsStrings(message.headers);
  const value = message.value?.toString('utf8') ?? '';
  let event: CloudEvent<unknown>;
  try {
    const received: KafkaMessage<string> = { key: message.key?.toString() ?? '', headers, value, body: value };
    event = KafkaBinding.toEvent(received) as CloudEvent<unknown>;
  } catch (error) {
    throw new InvalidEventError(`not a CloudEvent: ${(error as Error).message}`);
  }
  const attributes = RequiredAttributes.safeParse(event);
  if (!attributes.success) {
    throw new InvalidEventError(`missing or invalid CloudEvents attributes: ${z.prettifyError(attributes.error)}`);
  }
  const contract = findContract(attributes.data.type);
  if (!contract) throw new InvalidEventError(`unknown event type ${attributes.data.type}`);
  if (contract.topic !== topic) throw new InvalidEventError(`event type ${contract.type} does not belong on topic ${topic}`);
  const data = contract.schema.safeParse(event.data);
  if (!data.success) throw new InvalidEventError(`data does not match ${contract.type}: ${z.prettifyError(data.error)}`);
  return {
    ...attributes.data,
    data: data.data,
    correlationId: headers.ce_correlationid,
    actor: headers.ce_actor,
    topic,
    partition,
    offset: message.offset,
  };
}
