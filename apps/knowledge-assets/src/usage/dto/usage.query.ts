import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsoDate } from '#ikm/http';
import { IsIn, IsOptional } from 'class-validator';
import { USAGE_PERIODS, type UsagePeriod } from '../usage.repository.js';

export class UsageQuery {
  @ApiPropertyOptional({ format: 'date', example: '2026-11-01', description: 'First day counted (UTC); default 30 days before `to`.' })
  @IsOptional()
  @IsoDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-11-30', description: 'Last day counted (UTC), included; default today.' })
  @IsOptional()
  @IsoDate()
  to?: string;

  @ApiPropertyOptional({ enum: USAGE_PERIODS, default: 'day' })
  @IsOptional()
  @IsIn(USAGE_PERIODS)
  period: UsagePeriod = 'day';
}
