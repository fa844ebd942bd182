import { Injectable } from '@nestjs/common';
import type { IdeaStatus } from '#ikm/contracts';
import type { EntityManager } from 'typeorm';
import { groupKeySql, type Breakdown } from '../reporting/breakdown.js';
import type { ConversionStep } from './forward-chain.js';

export interface StepRow {
  key: string | null;
  from: string;
  to: string;
  reached: number;
  converted: number;
}

export interface StageRow {
  key: string | null;
  stage: IdeaStatus;
  completedStays: number;
  medianHours: number;
}

/** The funnel's read models: each idea's current stage and origin (`funnel_ideas`) and its stays (`stage_visits`). */
@Injectable()
export class FunnelRepository {
  /** Ideas per current stage; stages without ideas are absent. */
  async ideasByStatus(manager: EntityManager, filter: { challengeId?: string; region?: string }): Promise<Map<IdeaStatus, number>> {
    const rows: Array<{ status: IdeaStatus; ideas: string }> = await manager.query(
      `SELECT status, count(*) AS ideas FROM funnel_ideas
       WHERE ($1::uuid IS NULL OR challenge_id = $1) AND ($2::text IS NULL OR region = $2)
       GROUP BY status`,
      [filter.challengeId ?? null, filter.region ?? null],
    );
    return new Map(rows.map((row) => [row.status, Number(row.ideas)]));
  }

  /**
   * Per group and step, the ideas that reached `from` and, of those, the ones that converted: an idea
   * converts when it first entered `to` no earlier than it first entered `from`, so an idea that
   * skipped a stage counts for the steps it did take (accepted → adopted counts in submitted → adopted).
   * Steps no idea reached are absent.
   */
  async conversion(manager: EntityManager, by: Breakdown | undefined, steps: readonly ConversionStep[]): Promise<StepRow[]> {
    return manager.query(
      `WITH reached AS (
         SELECT ${groupKeySql(by)} AS key, v.idea_id, v.stage, min(v.entered_at) AS first_entered_at
         FROM stage_visits v LEFT JOIN funnel_ideas f ON f.idea_id = v.idea_id
         GROUP BY 1, 2, 3)
       SELECT a.key, step.from_stage AS "from", step.to_stage AS "to", count(*)::int AS reached, count(b.idea_id)::int AS converted
       FROM unnest($1::text[], $2::text[]) AS step(from_stage, to_stage)
       JOIN reached a ON a.stage = step.from_stage
       LEFT JOIN reached b ON b.idea_id = a.idea_id AND b.stage = step.to_stage AND b.first_entered_at >= a.first_entered_at
       GROUP BY 1, 2, 3
       ORDER BY 1 NULLS LAST`,
      [steps.map((step) => step.from), steps.map((step) => step.to)],
    );
  }

  /** Per group and stage, the completed stays and their median length: an idea still in a stage has not yet told how long it stays there. */
  async completedStays(manager: EntityManager, by: Breakdown | undefined): Promise<StageRow[]> {
    return manager.query(
      `SELECT ${groupKeySql(by)} AS key, v.stage, count(*)::int AS "completedStays",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM v.left_at - v.entered_at)::float8) / 3600 AS "medianHours"
       FROM stage_visits v LEFT JOIN funnel_ideas f ON f.idea_id = v.idea_id
       WHERE v.left_at IS NOT NULL
       GROUP BY 1, 2
       ORDER BY 1 NULLS LAST`,
    );
  }
}
