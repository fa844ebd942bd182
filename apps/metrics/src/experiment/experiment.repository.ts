import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { groupKeySql, type Breakdown } from '../reporting/breakdown.js';

export interface ExperimentCountsRow {
  key: string | null;
  started: number;
  validated: number;
  invalidated: number;
  inconclusive: number;
  concluded: number;
  withLessons: number;
  learningResults: number;
}

/** The experiments read model: each experiment's start, outcome and whether it left lessons. */
@Injectable()
export class ExperimentRepository {
  /** Per group: experiments started, concluded by outcome, with lessons, and learning results. */
  async countsByGroup(manager: EntityManager, by: Breakdown | undefined): Promise<ExperimentCountsRow[]> {
    return manager.query(
      `SELECT ${groupKeySql(by, 'e')} AS key,
              count(e.started_at)::int AS started,
              count(*) FILTER (WHERE e.outcome = 'validated')::int AS validated,
              count(*) FILTER (WHERE e.outcome = 'invalidated')::int AS invalidated,
              count(*) FILTER (WHERE e.outcome = 'inconclusive')::int AS inconclusive,
              count(e.outcome)::int AS concluded,
              count(*) FILTER (WHERE e.outcome IS NOT NULL AND e.has_lessons)::int AS "withLessons",
              count(*) FILTER (WHERE e.outcome = 'invalidated' AND e.has_lessons)::int AS "learningResults"
       FROM experiments e LEFT JOIN funnel_ideas f ON f.idea_id = e.idea_id
       GROUP BY 1
       ORDER BY 1 NULLS LAST`,
    );
  }
}
