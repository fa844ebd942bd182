import { Controller, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBody, ApiConsumes, ApiOperation, ApiPayloadTooLargeResponse, ApiTags, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '#ikm/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { StreamedBody } from '../file/streamed-body.js';
import { IngestionJobResponse } from '../ingestion/dto/ingestion-job.response.js';
import { INGESTION_ROLES } from '../ingestion/ingestion-job.controller.js';
import { GetIngestionJobUseCase } from '../ingestion/use-cases/get-ingestion-job.use-case.js';
import { ImportQuery } from './dto/import.query.js';
import { IMPORT_MEDIA_TYPES, StartImportUseCase } from './use-cases/start-import.use-case.js';

@ApiTags('knowledge assets')
@Controller('imports')
export class ImportController {
  constructor(
    private readonly startImport: StartImportUseCase,
    private readonly getJob: GetIngestionJobUseCase,
  ) {}

  @ApiOperation({ summary: 'Import assets in bulk from a CSV, JSON or NDJSON file (the raw body, streamed); processed in the background as a job' })
  @Post()
  @HttpCode(202)
  @StreamedBody()
  @Roles(...INGESTION_ROLES)
  @ApiConsumes(...IMPORT_MEDIA_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' }, description: 'The file (README “Bulk import” describes the columns and records).' })
  @ApiAcceptedResponse({ type: IngestionJobResponse, description: 'Stored and queued; Location is the job (poll it; its records are the report).' })
  @ApiBadRequestResponse({ description: 'Bad parameters, or a file that cannot be read (malformed CSV/JSON, unknown columns); nothing stored.' })
  @ApiPayloadTooLargeResponse({ description: 'Larger than IMPORT_MAX_BYTES; nothing stored.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not text/csv, application/json or application/x-ndjson.' })
  async create(@CurrentUser() user: AuthenticatedUser, @Query() query: ImportQuery, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<IngestionJobResponse> {
    const jobId = await this.startImport.execute({ user, query, contentType: request.headers['content-type'], body: request.body });
    void reply.header('location', `/knowledge-assets/ingestion-jobs/${jobId}`);
    return IngestionJobResponse.of(await this.getJob.execute({ user, jobId }));
  }
}
