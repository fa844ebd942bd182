import { Module } from '@nestjs/common';
import { IdeaModule } from '../idea/idea.module.js';
import { EngagementController } from './engagement.controller.js';
import { EndorseIdeaUseCase } from './use-cases/endorse-idea.use-case.js';
import { FollowIdeaUseCase } from './use-cases/follow-idea.use-case.js';

@Module({
  imports: [IdeaModule],
  controllers: [EngagementController],
  providers: [EndorseIdeaUseCase, FollowIdeaUseCase],
})
export class EngagementModule {}
