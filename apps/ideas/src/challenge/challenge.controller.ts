import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '#ikm/auth';
import { IfMatchVersion, RespondsWithEtag, uuidParam } from '#ikm/http';
import { ChallengePageResponse, ChallengeResponse, CreateChallengeDto, ListChallengesQuery, UpdateChallengeDto } from './dto/challenge.dto.js';
import { GetChallengeUseCase } from './use-cases/get-challenge.use-case.js';
import { ListChallengesUseCase } from './use-cases/list-challenges.use-case.js';
import { PoseChallengeUseCase } from './use-cases/pose-challenge.use-case.js';
import { UpdateChallengeUseCase } from './use-cases/update-challenge.use-case.js';

@ApiTags('challenges')
@Controller('challenges')
export class ChallengeController {
  constructor(
    private readonly poseChallenge: PoseChallengeUseCase,
    private readonly updateChallenge: UpdateChallengeUseCase,
    private readonly getChallenge: GetChallengeUseCase,
    private readonly listChallenges: ListChallengesUseCase,
  ) {}

  @ApiOperation({ summary: 'Pose a challenge' })
  @Post()
  @RespondsWithEtag()
  @Roles('ikmu_admin', 'km_officer')
  @ApiCreatedResponse({ type: ChallengeResponse, description: 'The caller becomes its sponsor.' })
  @ApiBadRequestResponse({ description: 'Invalid fields, or closesAt not after opensAt.' })
  @ApiForbiddenResponse({ description: 'Posing challenges is for km_officer and ikmu_admin.' })
  async create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateChallengeDto): Promise<ChallengeResponse> {
    return ChallengeResponse.of(await this.poseChallenge.execute({ user, content: { ...body, themes: body.themes ?? [] } }), new Date());
  }

  @ApiOperation({ summary: 'List challenges' })
  @Get()
  @ApiOkResponse({ type: ChallengePageResponse, description: 'Latest closing first; filter by phase.' })
  async list(@Query() query: ListChallengesQuery): Promise<ChallengePageResponse> {
    const now = new Date();
    const page = await this.listChallenges.execute({ ...query, now });
    return { items: page.items.map((challenge) => ChallengeResponse.of(challenge, now)), nextCursor: page.nextCursor };
  }

  @ApiOperation({ summary: 'Get a challenge' })
  @Get(':id')
  // No 304 for If-None-Match: a challenge's phase follows the clock, so its answer changes without a new version.
  @RespondsWithEtag()
  @ApiOkResponse({ type: ChallengeResponse })
  @ApiNotFoundResponse()
  async get(@Param('id', uuidParam('id')) id: string): Promise<ChallengeResponse> {
    return ChallengeResponse.of(await this.getChallenge.execute({ challengeId: id }), new Date());
  }

  @ApiOperation({ summary: 'Change a challenge' })
  @Patch(':id')
  @RespondsWithEtag()
  @Roles('ikmu_admin', 'km_officer')
  @ApiOkResponse({ type: ChallengeResponse })
  @ApiForbiddenResponse({ description: 'Only its sponsor or an IKMU administrator.' })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateChallengeDto,
    @IfMatchVersion() expectedVersion: number | undefined,
  ): Promise<ChallengeResponse> {
    return ChallengeResponse.of(await this.updateChallenge.execute({ user, challengeId: id, changes: body, expectedVersion }), new Date());
  }
}
