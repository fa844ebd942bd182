import { Inject, Injectable } from '@nestjs/common';
import type { ConsumedEvent } from '#ikm/messaging';
import type { EntityManager } from 'typeorm';
import { PROJECTIONS, type Projection } from '../../projection/projection.js';
import { ProjectionRepository } from '../../projection/projection.repository.js';
import { EventLogRepository } from '../event-log.repository.js';

/** Logs a consumed event and feeds it to every projection, in the consumer's transaction. */
@Injectable()
export class RecordEventUseCase {
  constructor(
    private readonly eventLog: EventLogRepository,
    private readonly projectionTables: ProjectionRepository,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
  ) {}

  async execute(manager: EntityManager, event: ConsumedEvent): Promise<void> {
    const isNew = await this.eventLog.append(manager, event);
    if (!isNew) return;
    for (const projection of this.projections) await this.projectionTables.apply(manager, projection.statementsFor(event));
  }
}
