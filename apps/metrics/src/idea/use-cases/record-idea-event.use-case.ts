import { Injectable } from '@nestjs/common';
import type { ConsumedEvent } from '#ikm/messaging';
import type { EntityManager } from 'typeorm';
import { EventLogRepository } from '../../event-log/event-log.repository.js';
import { FunnelProjection } from '../../funnel/funnel.projection.js';

/** Logs an idea event and updates the projections it feeds, in the consumer's transaction. */
@Injectable()
export class RecordIdeaEventUseCase {
  constructor(
    private readonly eventLog: EventLogRepository,
    private readonly funnel: FunnelProjection,
  ) {}

  async execute(manager: EntityManager, event: ConsumedEvent): Promise<void> {
    const isNew = await this.eventLog.append(manager, event);
    if (!isNew) return;
    await this.funnel.apply(manager, event);
  }
}
