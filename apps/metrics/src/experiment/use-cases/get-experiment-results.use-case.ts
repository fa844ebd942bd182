import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { groupKeySql, type Breakdown } from '../../reporting/breakdown.js';
import { shareOf } from '../../reporting/share.js';
import type { ExperimentResultsResponse } from '../dto/experiment-results.response.js';

interface ExperimentRow {
  key: string | null;
  started: number;
  validated: number;
  invalidated: number;
  inconclusive: number;
  concluded: number;
  withLessons: number;
  learningResults: number;
}

@Injectable()
export class GetExperimentResultsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(by: Breakdown | undefined): Promise<ExperimentResultsResponse> {
    const rows: ExperimentRow[] = await this.dataSource.query(
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
    const groups = rows.map(({ key, started, validated, invalidated, inconclusive, concluded, withLessons, learningResults }) => ({
      key,
      started,
      concluded: { validated, invalidated, inconclusive, total: concluded },
      withLessons,
      lessonsShare: shareOf(withLessons, concluded),
      learningResults,
    }));
    return { groups };
  }
}
