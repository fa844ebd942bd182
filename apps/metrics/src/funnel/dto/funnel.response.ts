import { ApiProperty } from '@nestjs/swagger';
import { IDEA_STATUSES, type IdeaStatus } from '#ikm/contracts';

export class FunnelStage {
  @ApiProperty({ enum: IDEA_STATUSES }) status: IdeaStatus;
  @ApiProperty({ type: 'integer', description: 'Ideas currently at this stage.' }) ideas: number;
}

export class FunnelResponse {
  @ApiProperty({ type: [FunnelStage], description: 'Every stage in lifecycle order, zero included.' })
  stages: FunnelStage[];
  @ApiProperty({ type: 'integer' }) total: number;
}
