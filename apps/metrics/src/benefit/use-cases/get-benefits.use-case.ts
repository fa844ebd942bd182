import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { groupKeySql, rowsByKey } from '../../reporting/breakdown.js';
import type { BenefitsQuery } from '../dto/benefits.query.js';
import type { BenefitAmounts, BenefitsResponse } from '../dto/benefits.response.js';
import { periodOf } from '../period-bucket.js';

interface AmountsRow extends BenefitAmounts {
  key: string | null;
  /** First day of the period; null on the group's total row. */
  periodStart: string | null;
}

@Injectable()
export class GetBenefitsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ by, bucket }: BenefitsQuery): Promise<BenefitsResponse> {
    // Summed in PostgreSQL (exact numeric); ROLLUP adds each group's total as a row without a period.
    const rows: AmountsRow[] = await this.dataSource.query(
      `SELECT key, "periodStart",
              sum(usd_saved)::float8 AS "usdSaved", sum(staff_hours_saved)::float8 AS "staffHoursSaved",
              sum(beneficiaries)::float8 AS beneficiaries, count(*)::int AS benefits
       FROM (SELECT ${groupKeySql(by, 'b')} AS key,
                    to_char(date_trunc($1, b.period_end::timestamp), 'YYYY-MM-DD') AS "periodStart",
                    b.usd_saved, b.staff_hours_saved, b.beneficiaries
             FROM benefits b LEFT JOIN funnel_ideas f ON f.idea_id = b.idea_id) AS keyed
       GROUP BY key, ROLLUP ("periodStart")
       ORDER BY key NULLS LAST, "periodStart" NULLS FIRST`,
      [bucket],
    );
    const groups = [...rowsByKey(rows)].map(([key, [total, ...periods]]) => ({
      key,
      totals: amountsOf(total),
      periods: periods.map((row) => ({ ...periodOf(row.periodStart as string, bucket), ...amountsOf(row) })),
    }));
    return { bucket, groups };
  }
}

function amountsOf({ usdSaved, staffHoursSaved, beneficiaries, benefits }: AmountsRow): BenefitAmounts {
  return { usdSaved, staffHoursSaved, beneficiaries, benefits };
}
