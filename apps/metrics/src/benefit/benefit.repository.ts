import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { groupKeySql, type Breakdown } from '../reporting/breakdown.js';
import type { BenefitAmounts } from './dto/benefits.response.js';
import type { Bucket } from './period-bucket.js';

export interface AmountsRow extends BenefitAmounts {
  key: string | null;
  /** First day of the period; null on the group's total row. */
  periodStart: string | null;
}

/** The benefits read model: one row per recorded benefit. */
@Injectable()
export class BenefitRepository {
  /**
   * Per group, its total first, then each period (month or quarter) its benefits end in, oldest first.
   * Summed in PostgreSQL (exact numeric); ROLLUP adds each group's total as a row without a period.
   */
  async amountsByGroupAndPeriod(manager: EntityManager, by: Breakdown | undefined, bucket: Bucket): Promise<AmountsRow[]> {
    return manager.query(
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
  }
}
