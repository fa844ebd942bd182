import { IdeaBenefitRecordedV1 } from '#ikm/contracts';
import { defineProjection, when } from '../projection/projection.js';

/**
 * Benefits realised, one row per recorded benefit. The event carries no version: a benefit id is
 * counted once, so the same benefit published again under a new event id cannot double the totals.
 */
export const BENEFIT_PROJECTION = defineProjection({
  name: 'benefits',
  tables: ['benefits'],
  on: [
    when(IdeaBenefitRecordedV1, (data) => [
      {
        sql: `INSERT INTO benefits (benefit_id, idea_id, challenge_id, region, period_start, period_end, usd_saved, staff_hours_saved, beneficiaries)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (benefit_id) DO NOTHING`,
        params: [
          data.benefitId,
          data.ideaId,
          data.challengeId ?? null,
          data.region ?? null,
          data.periodStart,
          data.periodEnd,
          data.usdSaved,
          data.staffHoursSaved,
          data.beneficiaries,
        ],
      },
    ]),
  ],
});
