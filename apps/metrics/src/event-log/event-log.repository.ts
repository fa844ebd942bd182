import { Injectable } from '@nestjs/common';
import type { ConsumedEvent } from '#ikm/messaging';
import type { EntityManager } from 'typeorm';

/** The raw event log: every consumed event, once per event id, whichever consumer saw it first. */
@Injectable()
export class EventLogRepository {
  /** Returns false when the event was already logged. */
  async append(manager: EntityManager, event: ConsumedEvent): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO event_log (event_id, type, source, subject, occurred_at, data, topic, partition, "offset", correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [
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
      ],
    );
    return inserted.length > 0;
  }
}
