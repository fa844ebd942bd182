import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rowsByKey } from '../../reporting/breakdown.js';
import { BenefitRepository, type AmountsRow } from '../benefit.repository.js';
import type { BenefitsQuery } from '../dto/benefits.query.js';
import type { BenefitAmounts, BenefitsResponse } from '../dto/benefits.response.js';
import { periodOf } from '../period-bucket.js';

@Injectable()
export class GetBenefitsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly benefits: BenefitRepository,
  ) {}

  async execute({ by, bucket }: BenefitsQuery): Promise<BenefitsResponse> {
    const rows = await this.benefits.amountsByGroupAndPeriod(this.dataSource.manager, by, bucket);
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
