import { ApiProperty } from '@nestjs/swagger';
import { BreakdownGroup } from '../../reporting/breakdown.js';
import { BUCKETS, type Bucket } from '../period-bucket.js';

export class BenefitAmounts {
  @ApiProperty({ description: 'US dollars saved.' }) usdSaved: number;
  @ApiProperty() staffHoursSaved: number;
  @ApiProperty({ type: 'integer' }) beneficiaries: number;
  @ApiProperty({ type: 'integer', description: 'Benefit records counted.' }) benefits: number;
}

export class BenefitPeriod extends BenefitAmounts {
  @ApiProperty({ example: '2025-Q2', description: '`YYYY-MM` for a month, `YYYY-Qn` for a quarter.' }) period: string;
  @ApiProperty({ format: 'date', description: 'First day of the period.' }) from: string;
  @ApiProperty({ format: 'date', description: 'Last day of the period.' }) to: string;
}

export class BenefitGroup extends BreakdownGroup {
  @ApiProperty({ type: BenefitAmounts }) totals: BenefitAmounts;
  @ApiProperty({ type: [BenefitPeriod], description: 'Periods with at least one benefit, oldest first.' }) periods: BenefitPeriod[];
}

export class BenefitsResponse {
  @ApiProperty({ enum: BUCKETS }) bucket: Bucket;
  @ApiProperty({
    type: [BenefitGroup],
    description: 'Grouped by the challenge or region the benefit’s event names, else its idea’s.',
  })
  groups: BenefitGroup[];
}
