import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '#ikm/pagination';
import { IsIn, IsOptional } from 'class-validator';
import { INGEST_OUTCOMES, type IngestOutcomeStatus } from '../ingestion-job.js';

export class ListJobRecordsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INGEST_OUTCOMES, description: 'Only the records with this outcome.' })
  @IsOptional()
  @IsIn(INGEST_OUTCOMES)
  outcome?: IngestOutcomeStatus;
}
