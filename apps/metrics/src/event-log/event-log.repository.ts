import { Injectable } from '@nestjs/common';
import type { ConsumedEvent } from '#ikm/messaging';
import { prepared, queryPrepared } from '#ikm/persistence';
import type { EntityManager } from 'typeorm';
import type { LoggedEvent } from '../projection/projection.js';

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

  /** Until the transaction ends, appends wait: a rebuild then misses no event and applies none twice. */
  async lockAgainstAppends(manager: EntityManager): Promise<void> {
    await manager.query(`LOCK TABLE event_log IN SHARE MODE`);
  }

  /** Up to `limit` events recorded after position `afterSeq`, in recorded order, each with its position. */
  async pageAfter(manager: EntityManager, afterSeq: string, limit: number): Promise<Array<LoggedEvent & { seq: string }>> {
    const rows: Array<Omit<LoggedEvent, 'time'> & { seq: string; time: Date }> = await manager.query(
      `SELECT seq, event_id AS id, type, subject, occurred_at AS time, data FROM event_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, limit],
    );
    return rows.map((row) => ({ ...row, time: row.time.toISOString() }));
  }
}
