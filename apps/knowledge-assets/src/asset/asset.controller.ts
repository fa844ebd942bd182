import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentUser, INTERNAL_ROLES, Roles, type AuthenticatedUser } from '#ikm/auth';
import { IfMatchVersion, positiveIntegerParam, RespondsWithEtag, uuidParam } from '#ikm/http';
import type { FastifyReply } from 'fastify';
import { CountsUsage } from '../usage/counts-usage.interceptor.js';
import { actorOf } from './actor.js';
import { AssetAccessDto, AssetMetadataDto } from './dto/asset-metadata.dto.js';
import { AssetPageResponse, AssetResponse, AssetTransitionResponse } from './dto/asset.response.js';
import { ListAssetsQuery } from './dto/list-assets.query.js';
import { TransitionAssetDto } from './dto/transition-asset.dto.js';
import { UpdateAssetDto } from './dto/update-asset.dto.js';
import { accessSettings, metadataChanges, newDraftMetadata } from './metadata/metadata-input.js';
import { ChangeAccessUseCase } from './use-cases/change-access.use-case.js';
import { CreateDraftUseCase } from './use-cases/create-draft.use-case.js';
import { GetAssetUseCase } from './use-cases/get-asset.use-case.js';
import { GetHistoryUseCase } from './use-cases/get-history.use-case.js';
import { GetVersionUseCase } from './use-cases/get-version.use-case.js';
import { ListAssetsUseCase } from './use-cases/list-assets.use-case.js';
import { StartNewVersionUseCase } from './use-cases/start-new-version.use-case.js';
import { TransitionAssetUseCase } from './use-cases/transition-asset.use-case.js';
import { UpdateDraftUseCase } from './use-cases/update-draft.use-case.js';

/**
 * Every answer that is one version carries the asset's revision (counted over all its versions) as its
 * ETag. No 304 for If-None-Match: the answer holds the caller's allowed transitions, which the revision
 * does not determine.
 */
const WITH_REVISION_ETAG = { versionOf: (body: AssetResponse) => body.revision };

@ApiTags('knowledge assets')
@ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
@ApiForbiddenResponse({ description: 'Writing needs an internal role (staff, km_officer, ...); constituents and reporting read.' })
@Controller('assets')
export class AssetController {
  constructor(
    private readonly createDraft: CreateDraftUseCase,
    private readonly updateDraft: UpdateDraftUseCase,
    private readonly transitionAsset: TransitionAssetUseCase,
    private readonly startNewVersion: StartNewVersionUseCase,
    private readonly changeAccess: ChangeAccessUseCase,
    private readonly getAsset: GetAssetUseCase,
    private readonly getVersion: GetVersionUseCase,
    private readonly getHistory: GetHistoryUseCase,
    private readonly listAssets: ListAssetsUseCase,
  ) {}

  @ApiOperation({ summary: 'Describe a new asset (its first version, a draft)' })
  @Post()
  @RespondsWithEtag(WITH_REVISION_ETAG)
  @Roles(...INTERNAL_ROLES)
  @ApiCreatedResponse({ type: AssetResponse, description: 'The draft, with its metadata quality.' })
  @ApiBadRequestResponse({ description: 'Invalid or unknown fields; or you would not own the draft (list yourself among the creators, or be the unit’s km_officer).' })
  async create(@CurrentUser() user: AuthenticatedUser, @Body() body: AssetMetadataDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<AssetResponse> {
    const draft = await this.createDraft.execute({ user, metadata: newDraftMetadata(body) });
    void reply.header('location', `/knowledge-assets/assets/${draft.assetId}`);
    return AssetResponse.of(draft, actorOf(user));
  }

  @ApiOperation({ summary: 'List assets (filtered, sorted, paginated)' })
  @Get()
  @ApiOkResponse({ type: AssetPageResponse, description: 'Each asset once, as its latest version you may see; access and embargo applied in the query.' })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListAssetsQuery): Promise<AssetPageResponse> {
    const page = await this.listAssets.execute({ user, query });
    return { items: page.items.map((version) => AssetResponse.of(version, actorOf(user))), nextCursor: page.nextCursor };
  }

  @ApiOperation({ summary: 'Get an asset: its latest version you may see' })
  @Get(':id')
  @CountsUsage('view')
  @RespondsWithEtag(WITH_REVISION_ETAG)
  @ApiOkResponse({ type: AssetResponse, description: 'The latest published version, or the version in progress for its owners and publishers.' })
  @ApiNotFoundResponse({ description: 'No such asset, or none of its versions is visible to you.' })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string): Promise<AssetResponse> {
    return AssetResponse.of(await this.getAsset.execute({ user, assetId: id }), actorOf(user));
  }

  @ApiOperation({ summary: 'Edit the draft' })
  @Patch(':id')
  @RespondsWithEtag(WITH_REVISION_ETAG)
  @Roles(...INTERNAL_ROLES)
  @ApiOkResponse({ type: AssetResponse, description: 'The edited draft.' })
  @ApiForbiddenResponse({ description: 'Not one of its owners.' })
  @ApiConflictResponse({ description: 'Its latest version is not a draft (a published version changes by a new version).' })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateAssetDto,
    @IfMatchVersion() expectedRevision: number | undefined,
  ): Promise<AssetResponse> {
    const draft = await this.updateDraft.execute({ user, assetId: id, changes: metadataChanges(body), expectedRevision });
    return AssetResponse.of(draft, actorOf(user));
  }

  @ApiOperation({ summary: 'Move an asset through its lifecycle' })
  @Post(':id/transitions')
  @RespondsWithEtag(WITH_REVISION_ETAG)
  @Roles(...INTERNAL_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ type: AssetResponse, description: 'The version moved, in its new state.' })
  @ApiBadRequestResponse({ description: 'Unknown state, or no reason to send back or retire.' })
  @ApiForbiddenResponse({ description: 'Not yours to make: owners submit; the unit’s km_officer or an ikmu_admin publishes, sends back and retires.' })
  @ApiConflictResponse({ description: 'Not allowed from the current state (the problem lists those that are), or required fields missing to submit.' })
  async transition(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: TransitionAssetDto,
    @IfMatchVersion() expectedRevision: number | undefined,
  ): Promise<AssetResponse> {
    const version = await this.transitionAsset.execute({ user, assetId: id, to: body.to, reason: body.reason, expectedRevision });
    return AssetResponse.of(version, actorOf(user));
  }

  @ApiOperation({ summary: 'Start a new version: a draft copy of the published one' })
  @Post(':id/versions')
  @RespondsWithEtag(WITH_REVISION_ETAG)
  @Roles(...INTERNAL_ROLES)
  @ApiCreatedResponse({ type: AssetResponse, description: 'The new draft; the published version stays until it is superseded.' })
  @ApiForbiddenResponse({ description: 'Not one of its owners.' })
  @ApiConflictResponse({ description: 'A version is already in progress, or none is published.' })
  async newVersion(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() expectedRevision: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssetResponse> {
    const draft = await this.startNewVersion.execute({ user, assetId: id, expectedRevision });
    void reply.header('location', `/knowledge-assets/assets/${id}/versions/${draft.number}`);
    return AssetResponse.of(draft, actorOf(user));
  }

  @ApiOperation({ summary: 'Get one version of an asset' })
  @Get(':id/versions/:number')
  @CountsUsage('view')
  @RespondsWithEtag(WITH_REVISION_ETAG)
  @ApiParam({ name: 'number', schema: { type: 'integer', minimum: 1, maximum: 2147483647 } })
  @ApiOkResponse({ type: AssetResponse, description: 'That version, whatever its state, if you may see it.' })
  @ApiNotFoundResponse({ description: 'No such version visible to you.' })
  async version(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('number', positiveIntegerParam('number')) number: number,
  ): Promise<AssetResponse> {
    return AssetResponse.of(await this.getVersion.execute({ user, assetId: id, number }), actorOf(user));
  }

  @ApiOperation({ summary: 'Change who may read the published version' })
  @Put(':id/access')
  @RespondsWithEtag(WITH_REVISION_ETAG)
  @Roles(...INTERNAL_ROLES)
  @ApiOkResponse({ type: AssetResponse, description: 'The published version with its new access settings.' })
  @ApiBadRequestResponse({ description: 'Invalid settings: restricted to nobody, or units named for an unrestricted asset.' })
  @ApiForbiddenResponse({ description: 'Not one of its owners or publishers.' })
  @ApiConflictResponse({ description: 'No published version.' })
  async access(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AssetAccessDto,
    @IfMatchVersion() expectedRevision: number | undefined,
  ): Promise<AssetResponse> {
    const version = await this.changeAccess.execute({ user, assetId: id, access: accessSettings(body), expectedRevision });
    return AssetResponse.of(version, actorOf(user));
  }

  @ApiOperation({ summary: 'An asset’s transitions, version by version' })
  @Get(':id/history')
  @ApiOkResponse({ type: [AssetTransitionResponse], description: 'Every transition of every version you may see: who, when, why.' })
  @ApiNotFoundResponse({ description: 'No such asset visible to you.' })
  history(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string): Promise<AssetTransitionResponse[]> {
    return this.getHistory.execute({ user, assetId: id });
  }
}
