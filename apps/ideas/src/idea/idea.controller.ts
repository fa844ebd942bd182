import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentUser, INTERNAL_ROLES, Roles, type AuthenticatedUser } from '#ikm/auth';
import { etagOf, uuidParam, versionFromIfMatch } from '#ikm/http';
import type { FastifyReply } from 'fastify';
import { CreateIdeaDto } from './dto/create-idea.dto.js';
import { IdeaPageResponse, IdeaResponse } from './dto/idea.response.js';
import { ListIdeasQuery } from './dto/list-ideas.query.js';
import { UpdateIdeaDto } from './dto/update-idea.dto.js';
import type { Idea } from './idea.entity.js';
import { CreateIdeaUseCase } from './use-cases/create-idea.use-case.js';
import { GetIdeaUseCase } from './use-cases/get-idea.use-case.js';
import { ListIdeasUseCase } from './use-cases/list-ideas.use-case.js';
import { SubmitIdeaUseCase } from './use-cases/submit-idea.use-case.js';
import { UpdateDraftUseCase } from './use-cases/update-draft.use-case.js';

const ifMatchHeader = { name: 'If-Match', required: false, description: 'ETag of the version you changed.' };

function withEtag(reply: FastifyReply, idea: Idea): IdeaResponse {
  void reply.header('etag', etagOf(idea.version));
  return IdeaResponse.of(idea);
}

@ApiTags('ideas')
@ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
@ApiForbiddenResponse({ description: 'Writing needs an internal role (staff, reviewer, ...); constituents and reporting read.' })
@Controller()
export class IdeaController {
  constructor(
    private readonly createIdea: CreateIdeaUseCase,
    private readonly updateDraft: UpdateDraftUseCase,
    private readonly submitIdea: SubmitIdeaUseCase,
    private readonly getIdea: GetIdeaUseCase,
    private readonly listIdeas: ListIdeasUseCase,
  ) {}

  @Post()
  @Roles(...INTERNAL_ROLES)
  @ApiCreatedResponse({ type: IdeaResponse, description: 'The new draft.' })
  @ApiBadRequestResponse({ description: 'Invalid or unknown fields.' })
  async create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateIdeaDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const idea = await this.createIdea.execute({ user, content: { ...body, themes: body.themes ?? [] } });
    void reply.header('location', `/ideas/${idea.id}`);
    return withEtag(reply, idea);
  }

  @Get()
  @ApiOkResponse({ type: IdeaPageResponse, description: 'Newest first; your drafts and everyone’s submitted ideas.' })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListIdeasQuery): Promise<IdeaPageResponse> {
    const page = await this.listIdeas.execute({ user, limit: query.limit, cursor: query.cursor, status: query.status, authorId: query.author });
    return { items: page.items.map(IdeaResponse.of), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: IdeaResponse })
  @ApiNotFoundResponse({ description: 'No such idea, or a draft of someone else.' })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return withEtag(reply, await this.getIdea.execute({ user, ideaId: id }));
  }

  @Patch(':id')
  @Roles(...INTERNAL_ROLES)
  @ApiHeader(ifMatchHeader)
  @ApiOkResponse({ type: IdeaResponse, description: 'The edited draft.' })
  @ApiForbiddenResponse({ description: 'Not the author.' })
  @ApiConflictResponse({ description: 'Not a draft any more.' })
  @ApiPreconditionFailedResponse({ description: 'If-Match does not match the current version.' })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateIdeaDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const idea = await this.updateDraft.execute({ user, ideaId: id, changes: body, expectedVersion: versionFromIfMatch(ifMatch) });
    return withEtag(reply, idea);
  }

  @Post(':id/submit')
  @Roles(...INTERNAL_ROLES)
  @HttpCode(200)
  @ApiHeader(ifMatchHeader)
  @ApiOkResponse({ type: IdeaResponse, description: 'The submitted idea.' })
  @ApiConflictResponse({ description: 'The idea is not a draft; the problem lists the allowed transitions.' })
  async submit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const idea = await this.submitIdea.execute({ user, ideaId: id, expectedVersion: versionFromIfMatch(ifMatch) });
    return withEtag(reply, idea);
  }
}
