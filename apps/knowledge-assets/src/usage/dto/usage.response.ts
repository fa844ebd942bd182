import { ApiProperty } from '@nestjs/swagger';
import { USAGE_PERIODS, type UsagePeriod } from '../usage.repository.js';

class UsageCountsResponse {
  @ApiProperty({ type: 'integer', description: 'Successful views of the asset (any version), double clicks within 30 s counted once.' }) views: number;
  @ApiProperty({ type: 'integer', description: 'Successful downloads of its files (200, or 206 for a range), double clicks within 30 s counted once.' }) downloads: number;
  @ApiProperty({ type: 'integer', description: 'Distinct people behind them.' }) uniqueUsers: number;
}

export class PeriodUsageResponse extends UsageCountsResponse {
  @ApiProperty({ format: 'date', example: '2026-11-01', description: 'The period’s first day (UTC).' }) start: string;
}

export class ReuseLinkResponse {
  @ApiProperty({ enum: ['idea', 'discussion', 'sharing_event'] }) kind: 'idea' | 'discussion' | 'sharing_event';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The community of a discussion or knowledge-sharing event.' }) communityId: string | null;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the source last changed its list of cited assets.' }) since: string;
  @ApiProperty({ description: 'The source under the gateway.' }) url: string;
}

export class AssetUsageResponse {
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ enum: USAGE_PERIODS }) period: UsagePeriod;
  @ApiProperty({ type: UsageCountsResponse, description: 'Over the whole window (unique users counted once over it).' }) totals: UsageCountsResponse;
  @ApiProperty({ type: [PeriodUsageResponse], description: 'Periods with any use, oldest first.' }) periods: PeriodUsageResponse[];
  @ApiProperty({ type: [ReuseLinkResponse], description: 'The ideas, discussions and knowledge-sharing events citing the asset now.' }) reusedIn: ReuseLinkResponse[];
}
