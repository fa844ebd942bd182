import { Controller, Delete, HttpCode, Param, Put } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentUser, INTERNAL_ROLES, Roles, type AuthenticatedUser } from '#ikm/auth';
import { uuidParam } from '#ikm/http';
import { EndorseIdeaUseCase } from './use-cases/endorse-idea.use-case.js';
import { FollowIdeaUseCase } from './use-cases/follow-idea.use-case.js';
import { UnfollowIdeaUseCase } from './use-cases/unfollow-idea.use-case.js';
import { WithdrawEndorsementUseCase } from './use-cases/withdraw-endorsement.use-case.js';

class EndorsementResponse {
  @ApiProperty() endorsed: boolean;
  @ApiProperty({ type: 'integer', description: 'Endorsements of the idea now.' }) endorsements: number;
}

class FollowResponse {
  @ApiProperty() following: boolean;
}

@ApiTags('engagement')
@Roles(...INTERNAL_ROLES)
@Controller(':id')
export class EngagementController {
  constructor(
    private readonly endorseIdea: EndorseIdeaUseCase,
    private readonly withdrawEndorsement: WithdrawEndorsementUseCase,
    private readonly followIdea: FollowIdeaUseCase,
    private readonly unfollowIdea: UnfollowIdeaUseCase,
  ) {}

  @ApiOperation({ summary: 'Endorse an idea' })
  @Put('endorsement')
  @HttpCode(200)
  @ApiOkResponse({ type: EndorsementResponse, description: 'Endorsed (idempotent).' })
  @ApiForbiddenResponse({ description: 'Your own idea.' })
  endorse(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string): Promise<EndorsementResponse> {
    return this.endorseIdea.execute({ user, ideaId: id });
  }

  @ApiOperation({ summary: 'Withdraw your endorsement' })
  @Delete('endorsement')
  @ApiOkResponse({ type: EndorsementResponse, description: 'Endorsement withdrawn (idempotent).' })
  withdraw(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string): Promise<EndorsementResponse> {
    return this.withdrawEndorsement.execute({ user, ideaId: id });
  }

  @ApiOperation({ summary: 'Follow an idea' })
  @Put('follow')
  @HttpCode(200)
  @ApiOkResponse({ type: FollowResponse })
  follow(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string): Promise<FollowResponse> {
    return this.followIdea.execute({ user, ideaId: id });
  }

  @ApiOperation({ summary: 'Stop following an idea' })
  @Delete('follow')
  @ApiOkResponse({ type: FollowResponse })
  unfollow(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string): Promise<FollowResponse> {
    return this.unfollowIdea.execute({ user, ideaId: id });
  }
}
