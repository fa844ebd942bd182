import { ApiProperty } from '@nestjs/swagger';
import { BreakdownGroup } from '../../reporting/breakdown.js';

export class ExperimentOutcomes {
  @ApiProperty({ type: 'integer' }) validated: number;
  @ApiProperty({ type: 'integer' }) invalidated: number;
  @ApiProperty({ type: 'integer' }) inconclusive: number;
  @ApiProperty({ type: 'integer', description: 'Concluded experiments, whatever the outcome.' }) total: number;
}

export class ExperimentGroup extends BreakdownGroup {
  @ApiProperty({ type: 'integer', description: 'Experiments started.' }) started: number;
  @ApiProperty({ type: ExperimentOutcomes, description: 'Concluded experiments by outcome.' }) concluded: ExperimentOutcomes;
  @ApiProperty({ type: 'integer', description: 'Concluded experiments that left lessons (non-blank).' }) withLessons: number;
  @ApiProperty({ type: Number, nullable: true, description: 'withLessons / concluded.total, from 0 to 1; null when none concluded.' })
  lessonsShare: number | null;
  @ApiProperty({ type: 'integer', description: 'Learning results: experiments invalidated with lessons.' }) learningResults: number;
}

export class ExperimentResultsResponse {
  @ApiProperty({
    type: [ExperimentGroup],
    description: 'Grouped by the challenge or region the experiment’s events name, else its idea’s.',
  })
  groups: ExperimentGroup[];
}
