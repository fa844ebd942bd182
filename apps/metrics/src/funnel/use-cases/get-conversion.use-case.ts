import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { groupKeySql, rowsByKey, type Breakdown } from '../../reporting/breakdown.js';
import { shareOf } from '../../reporting/share.js';
import type { ConversionResponse } from '../dto/conversion.response.js';
import { CONVERSION_STEPS } from '../forward-chain.js';

interface StepRow {
  key: string | null;
  from: string;
  to: string;
  reached: number;
  converted: number;
}

@Injectable()
export class GetConversionUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(by: Breakdown | undefined): Promise<ConversionResponse> {
    // An idea converts when it first entered `to` no earlier than it first entered `from`: an idea that
    // skipped a stage counts for the steps it did take (accepted → adopted counts in submitted → adopted).
    const rows: StepRow[] = await this.dataSource.query(
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
      [CONVERSION_STEPS.map((step) => step.from), CONVERSION_STEPS.map((step) => step.to)],
    );
    const groups = [...rowsByKey(rows)].map(([key, groupRows]) => ({
      key,
      steps: CONVERSION_STEPS.map(({ from, to }) => {
        const row = groupRows.find((candidate) => candidate.from === from && candidate.to === to);
        const reached = row?.reached ?? 0;
        const converted = row?.converted ?? 0;
        return { from, to, reached, converted, rate: shareOf(converted, reached) };
      }),
    }));
    return { groups };
  }
}
