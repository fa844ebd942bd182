import { ApiProperty } from '@nestjs/swagger';
import { IDEA_STATUSES, type IdeaStatus } from '#ikm/contracts';
import { BreakdownGroup } from '../../reporting/breakdown.js';

export class ConversionStepResult {
  @ApiProperty({ enum: IDEA_STATUSES }) from: IdeaStatus;
  @ApiProperty({ enum: IDEA_STATUSES }) to: IdeaStatus;
  @ApiProperty({ type: 'integer', description: 'Ideas that reached `from`.' }) reached: number;
  @ApiProperty({ type: 'integer', description: 'Of those, ideas that later reached `to`.' }) converted: number;
  @ApiProperty({ type: Number, nullable: true, description: 'converted / reached, from 0 to 1; null when no idea reached `from`.' })
  rate: number | null;
}

export class ConversionGroup extends BreakdownGroup {
  @ApiProperty({
    type: [ConversionStepResult],
    description: 'submitted → in_review → accepted → in_experiment → adopted → scaled, step by step, then submitted → adopted overall.',
  })
  steps: ConversionStepResult[];
}

export class ConversionResponse {
  @ApiProperty({ type: [ConversionGroup], description: 'Groups with at least one idea past submission.' })
  groups: ConversionGroup[];
}
