import { Injectable } from '@nestjs/common';
import type { EventContract, EventData } from '#ikm/contracts';
import { currentContext } from '#ikm/observability';
import { randomUUID } from 'node:crypto';
import { prepared, queryPrepared } from '#ikm/persistence';
import type { EntityManager } from 'typeorm';
import { OutboxSignal } from './outbox-signal.js';

/** Prepared: every write of every service runs it. */
const APPEND = prepared(
  `INSERT INTO outbox (id, topic, aggregate_id, type, source, payload, correlation_id, traceparent, actor)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
);

/** Many rows in one statement, in the order given (positions follow the ordinality). */
const APPEND_MANY = prepared(
  `INSERT INTO outbox (id, topic, aggregate_id, type, source, payload, correlation_id, traceparent, actor)
   SELECT e.id, $2::text, e.aggregate_id, $3::text, $4::text, e.payload, $5::text, $6::text, $7::text
     FROM unnest($1::uuid[], $8::text[], $9::jsonb[]) WITH ORDINALITY AS e (id, aggregate_id, payload, n) ORDER BY e.n`,
);

/**
 * Appends events to the outbox inside the caller's transaction, so an event exists exactly when the
 * domain change it describes was committed.
 */
@Injectable()
export class OutboxWriter {
  constructor(private readonly signal: OutboxSignal) {}

  /** Returns the event id (the future `ce_id`). */
  async append<C extends EventContract>(
    manager: EntityManager,
    contract: C,
    aggregateId: string,
    data: EventData<C>,
  ): Promise<string> {
    const transaction = manager.queryRunner;
    if (!transaction?.isTransactionActive) {
      throw new Error('OutboxWriter.append must run inside the transaction of the domain change');
    }
    // A producer bug must fail the write, not poison the topic for every consumer.
    const payload = contract.schema.parse(data);
    const id = randomUUID();
    const context = currentContext();
    await queryPrepared(manager, APPEND, [
      id,
      contract.topic,
      aggregateId,
      contract.type,
      contract.source,
      JSON.stringify(payload),
      context?.correlationId ?? null,
      context?.traceparent ?? null,
      context?.actor ?? null,
    ]);
    this.signal.markAppended(transaction);
    return id;
  }

  /**
   * Appends events of one contract in one statement (a batch write: an import of thousands of records),
   * in the order given, each checked against the contract as `append` does. Returns their ids.
   */
  async appendMany<C extends EventContract>(manager: EntityManager, contract: C, events: ReadonlyArray<{ aggregateId: string; data: EventData<C> }>): Promise<string[]> {
    const transaction = manager.queryRunner;
    if (!transaction?.isTransactionActive) {
      throw new Error('OutboxWriter.appendMany must run inside the transaction of the domain change');
    }
    if (events.length === 0) return [];
    const payloads = events.map((event) => JSON.stringify(contract.schema.parse(event.data)));
    const ids = events.map(() => randomUUID());
    const context = currentContext();
    await queryPrepared(manager, APPEND_MANY, [
      ids,
      contract.topic,
      contract.type,
      contract.source,
      context?.correlationId ?? null,
      context?.traceparent ?? null,
      context?.actor ?? null,
      events.map((event) => event.aggregateId),
      payloads,
    ]);
    this.signal.markAppended(transaction);
    return ids;
  }
}
