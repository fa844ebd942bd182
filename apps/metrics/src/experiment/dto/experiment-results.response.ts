import { ApiProperty } from '@nestjs/swagger';
import { BreakdownGroup } from '../../reporting/breakdown.js';

export class ExperimentOutcomes {
  @ApiProperty() validated: number;
  @ApiProperty() invalidated: number;
  @ApiProperty() inconclusive: number;
  @ApiProperty({ description: 'Concluded experiments, whatever the outcome.' }) total: number;
}

export class ExperimentGroup extends BreakdownGroup {
  @ApiProperty({ description: 'Experiments started.' }) started: number;
  @ApiProperty({ type: ExperimentOutcomes, description: 'Concluded experiments by outcome.' }) concluded: ExperimentOutcomes;
  @ApiProperty({ description: 'Concluded experiments that left lessons (non-blank).' }) withLessons: number;
  @ApiProperty({ type: Number, nullable: true, description: 'withLessons / concluded.total, from 0 to 1; null when none concluded.' })
  lessonsShare: number | null;
  @ApiProperty({ description: 'Learning results: experiments invalidated with lessons.' }) learningResults: number;
}

export class ExperimentResultsResponse {
  @ApiProperty({
    type: [ExperimentGroup],
    description: 'Grouped by the challenge or region the experiment’s events name, else its idea’s.',
  })
  groups: ExperimentGroup[];
}
