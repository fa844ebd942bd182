import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXPERIMENT_OUTCOMES, type ExperimentOutcome } from '#ikm/contracts';
import { FitsNumeric, IsoDate, NoNulCharacters, trimmed } from '#ikm/http';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { Experiment } from '../experiment.repository.js';

export class StartExperimentDto {
  @ApiProperty({ maxLength: 2000, description: 'What the experiment tests.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 2000)
  @NoNulCharacters()
  hypothesis: string;

  @ApiProperty({ maxLength: 2000, description: 'How success is measured.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 2000)
  @NoNulCharacters()
  successMeasure: string;

  @ApiProperty({ format: 'date', example: '2026-12-01' })
  @IsoDate()
  startsOn: string;

  @ApiProperty({ format: 'date', example: '2027-02-28', description: 'The time box ends; on or after startsOn.' })
  @IsoDate()
  endsOn: string;

  @ApiProperty({ minimum: 0, description: 'Budget in USD.' })
  @FitsNumeric(14, 2, { min: 0 }) // experiments.budget_usd
  budgetUsd: number;
}

export class ConcludeExperimentDto {
  @ApiProperty({ enum: EXPERIMENT_OUTCOMES })
  @IsIn(EXPERIMENT_OUTCOMES)
  outcome: ExperimentOutcome;

  @ApiPropertyOptional({ maxLength: 10000, description: 'Lessons learned; with an invalidated outcome, a learning result.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 10000)
  @NoNulCharacters()
  lessons?: string;
}

export class ExperimentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) ideaId: string;
  @ApiProperty() hypothesis: string;
  @ApiProperty() successMeasure: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty() budgetUsd: number;
  @ApiProperty({ enum: ['running', 'concluded'] }) status: 'running' | 'concluded';
  @ApiProperty({ enum: EXPERIMENT_OUTCOMES, nullable: true }) outcome: ExperimentOutcome | null;
  @ApiProperty({ nullable: true, type: String }) lessons: string | null;
  @ApiProperty({ description: 'Invalidated with lessons: something learned, never a penalty.' }) learningResult: boolean;
  @ApiProperty() startedBy: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) concludedAt: string | null;

  static of(experiment: Experiment): ExperimentResponse {
    return {
      id: experiment.id,
      ideaId: experiment.ideaId,
      hypothesis: experiment.hypothesis,
      successMeasure: experiment.successMeasure,
      startsOn: experiment.startsOn,
      endsOn: experiment.endsOn,
      budgetUsd: experiment.budgetUsd,
      status: experiment.status,
      outcome: experiment.outcome,
      lessons: experiment.lessons,
      learningResult: experiment.outcome === 'invalidated' && !!experiment.lessons,
      startedBy: experiment.startedBy,
      startedAt: experiment.startedAt.toISOString(),
      concludedAt: experiment.concludedAt?.toISOString() ?? null,
    };
  }
}
