import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FitsInteger, FitsNumeric, IsoDate, NoNulCharacters, trimmed } from '#ikm/http';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length } from 'class-validator';
import type { Benefit } from '../benefit.repository.js';

export class RecordBenefitDto {
  @ApiProperty({ format: 'date', example: '2027-01-01' })
  @IsoDate()
  periodStart: string;

  @ApiProperty({ format: 'date', example: '2027-03-31', description: 'On or after periodStart.' })
  @IsoDate()
  periodEnd: string;

  @ApiProperty({ minimum: 0, description: 'USD saved or reallocated in the period.' })
  @FitsNumeric(16, 2, { min: 0, max: 1e12 }) // benefits.usd_saved
  usdSaved: number;

  @ApiProperty({ minimum: 0 })
  @FitsNumeric(12, 2, { min: 0, max: 1e9 }) // benefits.staff_hours_saved
  staffHoursSaved: number;

  @ApiProperty({ minimum: 0 })
  @FitsInteger({ min: 0 }) // benefits.beneficiaries
  beneficiaries: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 2000)
  @NoNulCharacters()
  note?: string;
}

export class BenefitResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) periodStart: string;
  @ApiProperty({ format: 'date' }) periodEnd: string;
  @ApiProperty() usdSaved: number;
  @ApiProperty() staffHoursSaved: number;
  @ApiProperty({ type: 'integer' }) beneficiaries: number;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() recordedBy: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;

  static of(benefit: Benefit): BenefitResponse {
    return { ...benefit, recordedAt: benefit.recordedAt.toISOString() };
  }
}

export class BenefitTotals {
  @ApiProperty() usdSaved: number;
  @ApiProperty() staffHoursSaved: number;
  @ApiProperty({ type: 'integer' }) beneficiaries: number;
}

export class BenefitsResponse {
  @ApiProperty({ type: [BenefitResponse], description: 'By period, oldest first.' }) items: BenefitResponse[];
  @ApiProperty({ type: BenefitTotals }) totals: BenefitTotals;
}
