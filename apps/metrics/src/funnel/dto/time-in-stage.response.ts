import { ApiProperty } from '@nestjs/swagger';
import { IDEA_STATUSES, type IdeaStatus } from '#ikm/contracts';
import { BreakdownGroup } from '../../reporting/breakdown.js';

export class StageTime {
  @ApiProperty({ enum: IDEA_STATUSES }) stage: IdeaStatus;
  @ApiProperty({ type: 'integer', description: 'Stays in this stage that have ended (the idea moved on).' }) completedStays: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Median length of the completed stays, in hours; null when there is none.' })
  medianHours: number | null;
}

export class TimeInStageGroup extends BreakdownGroup {
  @ApiProperty({ type: [StageTime], description: 'Every stage in lifecycle order.' }) stages: StageTime[];
}

export class TimeInStageResponse {
  @ApiProperty({ type: [TimeInStageGroup], description: 'Groups with at least one completed stay.' })
  groups: TimeInStageGroup[];
}
