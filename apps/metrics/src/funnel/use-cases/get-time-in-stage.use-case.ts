import { Injectable } from '@nestjs/common';
import { IDEA_STATUSES } from '#ikm/contracts';
import { DataSource } from 'typeorm';
import { rowsByKey, type Breakdown } from '../../reporting/breakdown.js';
import type { TimeInStageResponse } from '../dto/time-in-stage.response.js';
import { FunnelRepository } from '../funnel.repository.js';

@Injectable()
export class GetTimeInStageUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly funnel: FunnelRepository,
  ) {}

  async execute(by: Breakdown | undefined): Promise<TimeInStageResponse> {
    const rows = await this.funnel.completedStays(this.dataSource.manager, by);
    const groups = [...rowsByKey(rows)].map(([key, groupRows]) => ({
      key,
      stages: IDEA_STATUSES.map((stage) => {
        const row = groupRows.find((candidate) => candidate.stage === stage);
        return { stage, completedStays: row?.completedStays ?? 0, medianHours: row?.medianHours ?? null };
      }),
    }));
    return { groups };
  }
}
