import { Injectable } from '@nestjs/common';
import { IdeaBenefitRecordedV1, type EventData } from '#ikm/contracts';
import type { LoggedEvent, Projection, ProjectionStatement } from '../projection/projection.js';

/**
 * Benefits realised, one row per recorded benefit. The event carries no version: a benefit id is
 * counted once, so the same benefit published again under a new event id cannot double the totals.
 */
@Injectable()
export class BenefitProjection implements Projection {
  readonly name = 'benefits';
  readonly tables = ['benefits'];

  statementsFor(event: LoggedEvent): ProjectionStatement[] {
    if (event.type !== IdeaBenefitRecordedV1.type) return [];
    const data = event.data as EventData<typeof IdeaBenefitRecordedV1>;
    return [
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
    ];
  }
}
