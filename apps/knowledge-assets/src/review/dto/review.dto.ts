import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsoDate, NoNulCharacters } from '#ikm/http';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { REVIEW_STATUSES, type ReviewStatus } from '../review.repository.js';

export class SetReviewDateDto {
  @ApiProperty({ format: 'date', example: '2028-06-30', description: 'After today.' })
  @IsoDate()
  reviewBy: string;
}

export class ConfirmReviewDto {
  @ApiPropertyOptional({ format: 'date', example: '2028-06-30', description: 'The next review-by date, after today; default today plus the type’s period.' })
  @IsOptional()
  @IsoDate()
  reviewBy?: string;
}

export class ListReviewsQuery {
  @ApiProperty({ description: 'The publishing unit whose assets are reviewed.' })
  @IsString()
  @Length(1, 100)
  @NoNulCharacters()
  unit: string;

  @ApiPropertyOptional({ enum: REVIEW_STATUSES, description: 'Only due (default) or only current ones.' })
  @IsOptional()
  @IsIn(REVIEW_STATUSES)
  status: ReviewStatus = 'due';

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}
