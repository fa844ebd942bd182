import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { BreakdownQuery } from '../../reporting/breakdown.js';
import { BUCKETS, type Bucket } from '../period-bucket.js';

export class BenefitsQuery extends BreakdownQuery {
  @ApiPropertyOptional({ enum: BUCKETS, default: 'quarter', description: 'Bucket benefits by the month or quarter their period ends in.' })
  @IsOptional()
  @IsIn(BUCKETS)
  bucket: Bucket = 'quarter';
}
