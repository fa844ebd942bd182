import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentUser, INTERNAL_ROLES, Roles, type AuthenticatedUser } from '#ikm/auth';
import { IfMatchVersion, RespondsWithEtag, uuidParam } from '#ikm/http';
import type { FastifyReply } from 'fastify';
import { SimilarWorkResponse } from './dto/idea.response.js';
import { CreateIdeaDto } from './dto/create-idea.dto.js';
import { IdeaPageResponse, IdeaResponse, TransitionResponse } from './dto/idea.response.js';
import { ListIdeasQuery } from './dto/list-ideas.query.js';
import { InviteCoauthorDto, TransitionIdeaDto } from './dto/transition-idea.dto.js';
import { UpdateIdeaDto } from './dto/update-idea.dto.js';
import type { Idea } from './idea.entity.js';
import { AcceptInvitationUseCase } from './use-cases/accept-invitation.use-case.js';
import { CreateIdeaUseCase } from './use-cases/create-idea.use-case.js';
import { FindSimilarWorkUseCase } from './use-cases/find-similar-work.use-case.js';
import { GetHistoryUseCase } from './use-cases/get-history.use-case.js';
import { GetIdeaUseCase } from './use-cases/get-idea.use-case.js';
import { InviteCoauthorUseCase } from './use-cases/invite-coauthor.use-case.js';
import { ListIdeasUseCase } from './use-cases/list-ideas.use-case.js';
import { TransitionIdeaUseCase } from './use-cases/transition-idea.use-case.js';
import { UpdateDraftUseCase } from './use-cases/update-draft.use-case.js';

/** An idea as this user sees it (what they may do with it), with the similar work found when it was just submitted. */
function ideaResponse(idea: Idea, user: AuthenticatedUser, similarWork?: IdeaResponse['similarWork']): IdeaResponse {
  return IdeaResponse.of(idea, { userId: user.sub, roles: user.roles }, similarWork);
}

@ApiTags('ideas')
@ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
@ApiForbiddenResponse({ description: 'Writing needs an internal role (staff, reviewer, ...); constituents and reporting read.' })
@Controller()
export class IdeaController {
  constructor(
    private readonly createIdea: CreateIdeaUseCase,
    private readonly updateDraft: UpdateDraftUseCase,
    private readonly transitionIdea: TransitionIdeaUseCase,
    private readonly inviteCoauthor: InviteCoauthorUseCase,
    private readonly acceptInvitation: AcceptInvitationUseCase,
    private readonly getIdea: GetIdeaUseCase,
    private readonly getHistory: GetHistoryUseCase,
    private readonly listIdeas: ListIdeasUseCase,
    private readonly findSimilarWork: FindSimilarWorkUseCase,
  ) {}

  @ApiOperation({ summary: 'Draft an idea' })
  @Post()
  @RespondsWithEtag()
  @Roles(...INTERNAL_ROLES)
  @ApiCreatedResponse({ type: IdeaResponse, description: 'The new draft; its team is its author.' })
  @ApiBadRequestResponse({ description: 'Invalid or unknown fields, or an unknown challengeId.' })
  async create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateIdeaDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<IdeaResponse> {
    const idea = await this.createIdea.execute({
      user,
      content: {
        title: body.title,
        problem: body.problem,
        proposal: body.proposal,
        themes: body.themes ?? [],
        challengeId: body.challengeId ?? null,
        expectedBenefits: body.expectedBenefits ? { ...body.expectedBenefits } : null,
        knowledgeAssetIds: body.knowledgeAssetIds ?? [],
      },
    });
    void reply.header('location', `/ideas/${idea.id}`);
    return ideaResponse(idea, user);
  }

  @ApiOperation({ summary: 'List ideas (filtered, sorted, paginated)' })
  @Get()
  @ApiOkResponse({ type: IdeaPageResponse, description: 'Filtered, sorted, keyset-paginated; drafts only your own.' })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListIdeasQuery): Promise<IdeaPageResponse> {
    const page = await this.listIdeas.execute({ user, query });
    return { items: page.items.map((idea) => ideaResponse(idea, user)), nextCursor: page.nextCursor };
  }

  @ApiOperation({ summary: 'Get an idea' })
  @Get(':id')
  // No 304 for If-None-Match: endorsements change the answer without a new version, and allowedTransitions are the caller's.
  @RespondsWithEtag()
  @ApiOkResponse({ type: IdeaResponse })
  @ApiNotFoundResponse({ description: 'No such idea, or a draft of a team you are not on.' })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string): Promise<IdeaResponse> {
    return ideaResponse(await this.getIdea.execute({ user, ideaId: id }), user);
  }

  @ApiOperation({ summary: 'Edit a draft' })
  @Patch(':id')
  @RespondsWithEtag()
  @Roles(...INTERNAL_ROLES)
  @ApiOkResponse({ type: IdeaResponse, description: 'The edited draft.' })
  @ApiConflictResponse({ description: 'Not a draft any more.' })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateIdeaDto,
    @IfMatchVersion() expectedVersion: number | undefined,
  ): Promise<IdeaResponse> {
    const changes = { ...body, expectedBenefits: body.expectedBenefits === undefined ? undefined : body.expectedBenefits && { ...body.expectedBenefits } };
    const idea = await this.updateDraft.execute({ user, ideaId: id, changes, expectedVersion });
    return ideaResponse(idea, user);
  }

  @ApiOperation({ summary: 'Submit a draft' })
  @Post(':id/submit')
  @RespondsWithEtag()
  @Roles(...INTERNAL_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ type: IdeaResponse, description: 'The submitted idea, with the similar work found (it never blocks).' })
  @ApiConflictResponse({ description: 'Not a draft, or its challenge is not open; the problem lists the allowed transitions.' })
  async submit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() expectedVersion: number | undefined,
  ): Promise<IdeaResponse> {
    const outcome = await this.transitionIdea.execute({ user, ideaId: id, to: 'submitted', expectedVersion });
    return ideaResponse(outcome.idea, user, outcome.similarWork);
  }

  @ApiOperation({ summary: 'Move an idea through its lifecycle' })
  @Post(':id/transitions')
  @RespondsWithEtag()
  @Roles(...INTERNAL_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ type: IdeaResponse, description: 'The idea in its new state.' })
  @ApiBadRequestResponse({ description: 'Unknown state, or not_pursued without feedback.' })
  @ApiForbiddenResponse({ description: 'Your role may not make this transition on this idea (never on your own).' })
  @ApiConflictResponse({ description: 'Not allowed from the current state (the problem lists those that are), or review incomplete.' })
  async transition(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: TransitionIdeaDto,
    @IfMatchVersion() expectedVersion: number | undefined,
  ): Promise<IdeaResponse> {
    const outcome = await this.transitionIdea.execute({ user, ideaId: id, to: body.to, reason: body.reason, expectedVersion });
    return ideaResponse(outcome.idea, user, outcome.similarWork);
  }

  @ApiOperation({ summary: 'An idea’s transitions' })
  @Get(':id/history')
  @ApiOkResponse({ type: [TransitionResponse], description: 'Every transition: who, when, why.' })
  history(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string): Promise<TransitionResponse[]> {
    return this.getHistory.execute({ user, ideaId: id });
  }

  @ApiOperation({ summary: 'Invite a co-author' })
  @Post(':id/team/invitations')
  @RespondsWithEtag()
  @Roles(...INTERNAL_ROLES)
  @ApiCreatedResponse({ type: IdeaResponse, description: 'The colleague is invited; they become a co-author when they accept.' })
  @ApiConflictResponse({ description: 'Already on the team or invited.' })
  async invite(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string, @Body() body: InviteCoauthorDto): Promise<IdeaResponse> {
    return ideaResponse(await this.inviteCoauthor.execute({ user, ideaId: id, userId: body.userId }), user);
  }

  @ApiOperation({ summary: 'Accept an invitation to a team' })
  @Post(':id/team/invitations/accept')
  @RespondsWithEtag()
  @Roles(...INTERNAL_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ type: IdeaResponse, description: 'You are on the team.' })
  @ApiNotFoundResponse({ description: 'No open invitation for you.' })
  async accept(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string): Promise<IdeaResponse> {
    return ideaResponse(await this.acceptInvitation.execute({ user, ideaId: id }), user);
  }

  @ApiOperation({ summary: 'Similar ideas and knowledge assets' })
  @Get(':id/similar')
  @ApiOkResponse({ type: SimilarWorkResponse, description: 'Near-duplicate ideas and related published knowledge assets.' })
  similar(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string) {
    return this.findSimilarWork.execute({ user, ideaId: id });
  }
}
