import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '#ikm/auth';
import { uuidParam } from '#ikm/http';
import { MAX_PAGE_SIZE } from '#ikm/pagination';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import { IngestionJobRecordPageResponse, IngestionJobRecordResponse, IngestionJobResponse } from './dto/ingestion-job.response.js';
import { ListJobRecordsQuery } from './dto/list-job-records.query.js';
import { GetIngestionJobUseCase } from './use-cases/get-ingestion-job.use-case.js';

/** Who runs ingestion: a unit's km_officer (for their unit) and ikmu_admins. */
export const INGESTION_ROLES = ['km_officer', 'ikmu_admin'] as const;

@ApiTags('knowledge assets')
@ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
@ApiForbiddenResponse({ description: 'For km_officers and ikmu_admins.' })
@Controller('ingestion-jobs')
export class IngestionJobController {
  constructor(private readonly getJob: GetIngestionJobUseCase) {}

  @ApiOperation({ summary: 'An ingestion job (an import or a harvest): its status, progress and counts per outcome' })
  @Get(':id')
  @Roles(...INGESTION_ROLES)
  @ApiOkResponse({ type: IngestionJobResponse })
  @ApiNotFoundResponse({ description: 'No such job, or not one you started (an ikmu_admin sees all).' })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string): Promise<IngestionJobResponse> {
    return IngestionJobResponse.of(await this.getJob.execute({ user, jobId: id }));
  }

  @ApiOperation({ summary: 'The job’s report: every record’s outcome in input order (filter by outcome, paginated)' })
  @Get(':id/records')
  @Roles(...INGESTION_ROLES)
  @ApiOkResponse({ type: IngestionJobRecordPageResponse })
  @ApiNotFoundResponse({ description: 'No such job, or not one you started.' })
  async records(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string, @Query() query: ListJobRecordsQuery): Promise<IngestionJobRecordPageResponse> {
    const page = await this.getJob.records({ user, jobId: id, outcome: query.outcome, limit: query.limit, cursor: query.cursor });
    return { items: page.items.map(IngestionJobRecordResponse.of), nextCursor: page.nextCursor };
  }

  @ApiOperation({ summary: 'The job’s report as CSV (position, source identifier, outcome, errors, asset id)' })
  @Get(':id/report.csv')
  @Roles(...INGESTION_ROLES)
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'One row per record; errors as `field: reason` joined by ` | `.', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'No such job, or not one you started.' })
  async report(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string, @Query() query: ListJobRecordsQuery, @Res() reply: FastifyReply): Promise<void> {
    await this.getJob.execute({ user, jobId: id });
    const csv = stringify({ header: true, columns: ['position', 'sourceIdentifier', 'outcome', 'errors', 'assetId'] });
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="ingestion-${id}.csv"`).send(csv);
    try {
      let cursor: string | undefined;
      do {
        const page = await this.getJob.records({ user, jobId: id, outcome: query.outcome, limit: MAX_PAGE_SIZE, cursor });
        for (const record of page.items) {
          const errors = record.errors.map((error) => `${error.field}: ${error.reason}`).join(' | ');
          if (!csv.write({ ...record, errors })) await new Promise((resolve) => csv.once('drain', resolve));
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      csv.end();
    } catch (error) {
      csv.destroy(error as Error);
    }
  }
}
