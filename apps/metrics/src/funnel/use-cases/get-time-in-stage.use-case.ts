import { Injectable } from '@nestjs/common';
import { IDEA_STATUSES, type IdeaStatus } from '#ikm/contracts';
import { DataSource } from 'typeorm';
import { groupKeySql, rowsByKey, type Breakdown } from '../../reporting/breakdown.js';
import type { TimeInStageResponse } from '../dto/time-in-stage.response.js';

interface StageRow {
  key: string | null;
  stage: IdeaStatus;
  completedStays: number;
  medianHours: number;
}

@Injectable()
export class GetTimeInStageUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(by: Breakdown | undefined): Promise<TimeInStageResponse> {
    // Only completed stays: an idea still in a stage has not yet told how long it stays there.
    const rows: StageRow[] = await this.dataSource.query(
      `SELECT ${groupKeySql(by)} AS key, v.stage, count(*)::int AS "completedStays",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM v.left_at - v.entered_at)::float8) / 3600 AS "medianHours"
       FROM stage_visits v LEFT JOIN funnel_ideas f ON f.idea_id = v.idea_id
       WHERE v.left_at IS NOT NULL
       GROUP BY 1, 2
       ORDER BY 1 NULLS LAST`,
    );
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
