import { Injectable } from '@nestjs/common';
import type { ConsumedEvent } from '#ikm/messaging';
import { prepared, queryPrepared } from '#ikm/persistence';
import type { EntityManager } from 'typeorm';

/** Prepared: it runs for every consumed event. */
const APPEND = prepared(
  `INSERT INTO event_log (event_id, type, source, subject, occurred_at, data, topic, partition, "offset", correlation_id)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
   ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
);

/** The raw event log: every consumed event, once per event id, whichever consumer saw it first. */
@Injectable()
export class EventLogRepository {
  /** Returns false when the event was already logged. */
  async append(manager: EntityManager, event: ConsumedEvent): Promise<boolean> {
    const inserted = await queryPrepared(manager, APPEND, [
      event.id,
      event.type,
      event.source,
      event.subject,
      event.time,
      JSON.stringify(event.data),
      event.topic,
      event.partition,
      event.offset,
      event.correlationId ?? null,
    ]);
    return inserted.length > 0;
  }
}
