import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoNulCharacters, trimmed } from '#ikm/http';
import { Transform } from 'class-transformer';
import { IsInt, IsISO8601, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class RecordBenefitDto {
  @ApiProperty({ format: 'date', example: '2027-01-01' })
  @IsISO8601({ strict: true })
  @Length(10, 10, { message: 'periodStart must be a date, YYYY-MM-DD' })
  periodStart: string;

  @ApiProperty({ format: 'date', example: '2027-03-31', description: 'On or after periodStart.' })
  @IsISO8601({ strict: true })
  @Length(10, 10, { message: 'periodEnd must be a date, YYYY-MM-DD' })
  periodEnd: string;

  @ApiProperty({ minimum: 0, description: 'USD saved or reallocated in the period.' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e12)
  usdSaved: number;

  @ApiProperty({ minimum: 0 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e9)
  staffHoursSaved: number;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(1e10)
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
