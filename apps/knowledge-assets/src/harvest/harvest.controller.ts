import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '#ikm/auth';
import { IfMatchVersion, RespondsWithEtag, uuidParam } from '#ikm/http';
import type { FastifyReply } from 'fastify';
import { IngestionJobResponse } from '../ingestion/dto/ingestion-job.response.js';
import { INGESTION_ROLES } from '../ingestion/ingestion-job.controller.js';
import { GetIngestionJobUseCase } from '../ingestion/use-cases/get-ingestion-job.use-case.js';
import { CreateHarvestSourceDto, HarvestSourceListResponse, HarvestSourceResponse, UpdateHarvestSourceDto } from './dto/harvest-source.dto.js';
import { CreateHarvestSourceUseCase } from './use-cases/create-harvest-source.use-case.js';
import { DeleteHarvestSourceUseCase } from './use-cases/delete-harvest-source.use-case.js';
import { GetHarvestSourcesUseCase } from './use-cases/get-harvest-sources.use-case.js';
import { StartHarvestUseCase } from './use-cases/start-harvest.use-case.js';
import { UpdateHarvestSourceUseCase } from './use-cases/update-harvest-source.use-case.js';

/** OAI-PMH repositories we harvest, and their harvests (ingestion jobs: `/ingestion-jobs/{id}`). */
@ApiTags('knowledge assets')
@ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
@ApiForbiddenResponse({ description: 'For km_officers (their own unit’s sources) and ikmu_admins.' })
@Controller('harvest-sources')
export class HarvestController {
  constructor(
    private readonly createSource: CreateHarvestSourceUseCase,
    private readonly updateSource: UpdateHarvestSourceUseCase,
    private readonly deleteSource: DeleteHarvestSourceUseCase,
    private readonly getSources: GetHarvestSourcesUseCase,
    private readonly startHarvest: StartHarvestUseCase,
    private readonly getJob: GetIngestionJobUseCase,
  ) {}

  @ApiOperation({ summary: 'Configure an OAI-PMH repository to harvest' })
  @Post()
  @RespondsWithEtag()
  @Roles(...INGESTION_ROLES)
  @ApiCreatedResponse({ type: HarvestSourceResponse })
  @ApiBadRequestResponse({ description: 'Invalid fields (named in `errors`).' })
  @ApiConflictResponse({ description: 'Another source has this name.' })
  async create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateHarvestSourceDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<HarvestSourceResponse> {
    const source = await this.createSource.execute({
      user,
      settings: {
        name: body.name,
        baseUrl: body.baseUrl,
        metadataPrefix: body.metadataPrefix ?? 'oai_dc',
        set: body.set ?? null,
        platform: body.platform,
        accessLevel: body.accessLevel ?? 'internal',
        publishingUnit: body.publishingUnit,
      },
    });
    void reply.header('location', `/knowledge-assets/harvest-sources/${source.id}`);
    return HarvestSourceResponse.of(source);
  }

  @ApiOperation({ summary: 'The harvest sources, by name' })
  @Get()
  @Roles(...INGESTION_ROLES)
  @ApiOkResponse({ type: HarvestSourceListResponse })
  async list(): Promise<HarvestSourceListResponse> {
    return { items: (await this.getSources.list()).map(HarvestSourceResponse.of) };
  }

  @ApiOperation({ summary: 'A harvest source' })
  @Get(':id')
  @RespondsWithEtag()
  @Roles(...INGESTION_ROLES)
  @ApiOkResponse({ type: HarvestSourceResponse })
  @ApiNotFoundResponse()
  async get(@Param('id', uuidParam('id')) id: string): Promise<HarvestSourceResponse> {
    return HarvestSourceResponse.of(await this.getSources.one(id));
  }

  @ApiOperation({ summary: 'Change a harvest source (harvests under way keep the settings they started with)' })
  @Patch(':id')
  @RespondsWithEtag()
  @Roles(...INGESTION_ROLES)
  @ApiOkResponse({ type: HarvestSourceResponse })
  @ApiBadRequestResponse({ description: 'Invalid fields (named in `errors`).' })
  @ApiConflictResponse({ description: 'Another source has this name.' })
  @ApiNotFoundResponse()
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateHarvestSourceDto,
    @IfMatchVersion() expectedVersion: number | undefined,
  ): Promise<HarvestSourceResponse> {
    return HarvestSourceResponse.of(await this.updateSource.execute({ user, sourceId: id, changes: body, expectedVersion }));
  }

  @ApiOperation({ summary: 'Remove a harvest source (its assets stay)' })
  @Delete(':id')
  @HttpCode(204)
  @Roles(...INGESTION_ROLES)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'A harvest of it is under way.' })
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.deleteSource.execute({ user, sourceId: id });
  }

  @ApiOperation({ summary: 'Harvest the source now: ListRecords from the last completed harvest’s latest datestamp (all the first time)' })
  @Post(':id/harvests')
  @HttpCode(202)
  @Roles(...INGESTION_ROLES)
  @ApiAcceptedResponse({ type: IngestionJobResponse, description: 'The harvest job; follow it at `Location` (`/ingestion-jobs/{id}`, with its per-record report).' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'A harvest of this source is under way (`jobId`).' })
  async harvest(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<IngestionJobResponse> {
    const jobId = await this.startHarvest.execute({ user, sourceId: id });
    void reply.header('location', `/knowledge-assets/ingestion-jobs/${jobId}`);
    return IngestionJobResponse.of(await this.getJob.execute({ user, jobId }));
  }

  @ApiOperation({ summary: 'The source’s harvests, newest first (at most 50)' })
  @Get(':id/harvests')
  @Roles(...INGESTION_ROLES)
  @ApiOkResponse({ type: [IngestionJobResponse] })
  @ApiNotFoundResponse()
  async harvests(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string): Promise<IngestionJobResponse[]> {
    await this.getSources.one(id);
    const jobs = await Promise.all((await this.getSources.harvests(id, 50)).map((jobId) => this.getJob.execute({ user, jobId }).catch(() => null)));
    return jobs.filter((job) => job !== null).map(IngestionJobResponse.of);
  }
}
