import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NestedObjectArray, NoNulCharacters } from '#ikm/http';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class AssignReviewerDto {
  @ApiProperty({ description: 'Subject of the reviewer; never a member of the idea’s team.' })
  @IsString()
  @Length(1, 200)
  @NoNulCharacters()
  reviewerId: string;
}

export class CriterionScoreDto {
  @ApiProperty({ description: 'Key of the criterion (the challenge’s, or the default set).' })
  @IsString()
  @Length(1, 40)
  criterion: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  @NoNulCharacters()
  notes?: string;
}

export class ScorecardDto {
  @ApiProperty({ type: [CriterionScoreDto], description: 'One score per criterion.' })
  @NestedObjectArray(() => CriterionScoreDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  scores: CriterionScoreDto[];
}

export class ScorecardResponse {
  @ApiProperty() reviewerId: string;
  @ApiProperty({ type: [CriterionScoreDto] }) scores: CriterionScoreDto[];
  @ApiProperty() weightedScore: number;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
}

export class ReviewResponse {
  @ApiProperty({ format: 'uuid' }) ideaId: string;
  @ApiProperty({ description: 'The criteria scored: the challenge’s, or the default set.', type: 'array', items: { type: 'object' } })
  criteria: Array<{ key: string; name: string; weight: number }>;
  @ApiProperty({ type: [String] }) reviewers: string[];
  @ApiProperty({ type: [String] }) pendingReviewers: string[];
  @ApiProperty({ type: [ScorecardResponse], description: 'Every scorecard for reviewers and administrators; only your own for others.' })
  scorecards: ScorecardResponse[];
  @ApiProperty({ nullable: true, type: Number, description: 'Mean of the reviewers’ weighted scores, 1 to 5.' })
  weightedScore: number | null;
  @ApiProperty({ description: 'Every assigned reviewer has scored.' }) complete: boolean;
}
