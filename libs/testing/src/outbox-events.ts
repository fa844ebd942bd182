import type { EventContract } from '#ikm/contracts';
import type { OutboxRecord } from '#ikm/messaging';
import { randomUUID } from 'node:crypto';

/** A pg pool or client, or a TypeORM data source: whatever a test holds to read a service's database. */
export type TestDatabase = { query(sql: string, params?: unknown[]): Promise<unknown> };

/** Rows of a query, whether it came back as pg's result or as TypeORM's array of rows. */
export async function rowsOf<Row>(db: TestDatabase, sql: string, params: unknown[] = []): Promise<Row[]> {
  const result = (await db.query(sql, params)) as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

/** An outbox row as a test reads it. */
export interface OutboxEvent<Payload = Record<string, any>> {
  id: string;
  topic: string;
  aggregateId: string;
  type: string;
  payload: Payload;
  correlationId: string | null;
  traceparent: string | null;
  actor: string | null;
  publishedAt: Date | null;
}

export interface OutboxFilter {
  /** The event's own id (its future `ce_id`). */
  id?: string;
  aggregateId?: string;
  type?: string;
}

/** The outbox rows of a service's database that match every given field, in the order they were written. */
export function outboxEvents<Payload = Record<string, any>>(db: TestDatabase, filter: OutboxFilter = {}): Promise<OutboxEvent<Payload>[]> {
  const columns = { id: 'id', aggregateId: 'aggregate_id', type: 'type' } as const;
  const given = (Object.keys(columns) as Array<keyof OutboxFilter>).filter((field) => filter[field] !== undefined);
  const where = given.map((field, index) => `${columns[field]} = $${index + 1}`).join(' AND ');
  return rowsOf<OutboxEvent<Payload>>(
    db,
    `SELECT id, topic, aggregate_id AS "aggregateId", type, payload, correlation_id AS "correlationId", traceparent, actor, published_at AS "publishedAt"
     FROM outbox ${where ? `WHERE ${where}` : ''} ORDER BY position`,
    given.map((field) => filter[field]),
  );
}

/** How many outbox rows the relay has not published yet. */
export async function unpublishedOutboxCount(db: TestDatabase): Promise<number> {
  const [row] = await rowsOf<{ count: number }>(db, `SELECT count(*)::int AS count FROM outbox WHERE published_at IS NULL`);
  return row.count;
}

/**
 * An event of a contract as a producer would append it (what the outbox holds and what
 * `encodeCloudEvent` turns into a Kafka record), for tests that write rows or produce records themselves.
 */
export function outboxRecord(contract: EventContract, aggregateId: string, payload: unknown, overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return {
    id: randomUUID(),
    topic: contract.topic,
    aggregateId,
    type: contract.type,
    source: contract.source,
    occurredAt: new Date(),
    payload,
    correlationId: null,
    traceparent: null,
    actor: null,
    ...overrides,
  };
}

/**
 * Writes events straight into an outbox, beside the service (so no commit signal wakes its relay), in
 * one statement; resolves with their ids. `db` may be a client inside an open transaction.
 */
export async function insertOutboxRecords(db: TestDatabase, records: OutboxRecord[]): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    db,
    `INSERT INTO outbox (id, topic, aggregate_id, type, source, payload, correlation_id, traceparent, actor)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::text[])
     RETURNING id`,
    [
      records.map((record) => record.id),
      records.map((record) => record.topic),
      records.map((record) => record.aggregateId),
      records.map((record) => record.type),
      records.map((record) => record.source),
      records.map((record) => JSON.stringify(record.payload)),
      records.map((record) => record.correlationId),
      records.map((record) => record.traceparent),
      records.map((record) => record.actor),
    ],
  );
  return rows.map((row) => row.id);
}
