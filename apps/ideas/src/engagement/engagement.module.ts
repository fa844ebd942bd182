import { Module } from '@nestjs/common';
import { IdeaModule } from '../idea/idea.module.js';
import { EndorsementRepository } from './endorsement.repository.js';
import { EngagementController } from './engagement.controller.js';
import { FollowRepository } from './follow.repository.js';
import { EndorseIdeaUseCase } from './use-cases/endorse-idea.use-case.js';
import { FollowIdeaUseCase } from './use-cases/follow-idea.use-case.js';
import { UnfollowIdeaUseCase } from './use-cases/unfollow-idea.use-case.js';
import { WithdrawEndorsementUseCase } from './use-cases/withdraw-endorsement.use-case.js';

@Module({
  imports: [IdeaModule],
  controllers: [EngagementController],
  providers: [EndorsementRepository, FollowRepository, EndorseIdeaUseCase, WithdrawEndorsementUseCase, FollowIdeaUseCase, UnfollowIdeaUseCase],
})
export class EngagementModule {}
