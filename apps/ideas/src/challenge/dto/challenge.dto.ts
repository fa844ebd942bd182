import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, PageResponse } from '#ikm/pagination';
import { IsoDateTime, NestedObjectArray, NoNulCharacters, PatchType, trimmed } from '#ikm/http';
import { ThemeList } from '../../common/theme-list.decorator.js';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import type { Challenge, ChallengePhase } from '../challenge.entity.js';

export class CriterionDto {
  @ApiProperty({ example: 'impact', description: 'Stable key a scorecard refers to.' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'key must be lowercase letters, digits and underscores' })
  key: string;

  @ApiProperty({ example: 'Impact on constituents' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 120)
  @NoNulCharacters()
  name: string;

  @ApiProperty({ minimum: 0.01, maximum: 100, description: 'Relative weight; weights need not add up to 1.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(100)
  weight: number;
}

export class CreateChallengeDto {
  @ApiProperty({ minLength: 3, maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @Length(3, 200)
  @NoNulCharacters()
  title: string;

  @ApiProperty({ maxLength: 10000, description: 'The problem posed.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 10000)
  @NoNulCharacters()
  description: string;

  @ApiProperty({ format: 'date-time', example: '2027-01-15T09:00:00Z' })
  @IsoDateTime()
  opensAt: Date;

  @ApiProperty({ format: 'date-time', example: '2027-03-31T17:00:00Z' })
  @IsoDateTime()
  closesAt: Date;

  @ThemeList()
  themes?: string[];

  @ApiProperty({ type: [CriterionDto], minItems: 1, maxItems: 10 })
  @NestedObjectArray(() => CriterionDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique((criterion: CriterionDto) => criterion?.key, { message: 'criteria keys must be unique' })
  criteria: CriterionDto[];
}

export class UpdateChallengeDto extends PatchType(CreateChallengeDto) {}

export class ListChallengesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['upcoming', 'open', 'closed'] })
  @IsOptional()
  @IsIn(['upcoming', 'open', 'closed'])
  phase?: ChallengePhase;
}

export class CriterionResponse {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty() weight: number;
}

export class ChallengeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() sponsorId: string;
  @ApiProperty({ nullable: true, type: String }) sponsorUnit: string | null;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ enum: ['upcoming', 'open', 'closed'] }) phase: ChallengePhase;
  @ApiProperty({ type: [String] }) themes: string[];
  @ApiProperty({ type: [CriterionResponse] }) criteria: CriterionResponse[];
  @ApiProperty({ type: 'integer', description: 'Incremented by every change; send it back in If-Match (as the ETag, e.g. `"3"`) to change safely.' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static of(challenge: Challenge, now: Date): ChallengeResponse {
    return {
      id: challenge.id,
      title: challenge.title,
      description: challenge.description,
      sponsorId: challenge.sponsorId,
      sponsorUnit: challenge.sponsorUnit,
      opensAt: challenge.opensAt.toISOString(),
      closesAt: challenge.closesAt.toISOString(),
      phase: challenge.phaseAt(now),
      themes: challenge.themes,
      criteria: challenge.criteria,
      version: challenge.version,
      createdAt: challenge.createdAt.toISOString(),
      updatedAt: challenge.updatedAt.toISOString(),
    };
  }
}

export class ChallengePageResponse extends PageResponse(ChallengeResponse) {}
