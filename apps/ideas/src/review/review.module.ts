import { Module } from '@nestjs/common';
import { ChallengeModule } from '../challenge/challenge.module.js';
import { IdeaModule } from '../idea/idea.module.js';
import { ReviewController } from './review.controller.js';
import { ReviewIdeaUseCase } from './use-cases/review-idea.use-case.js';

@Module({
  imports: [IdeaModule, ChallengeModule],
  controllers: [ReviewController],
  providers: [ReviewIdeaUseCase],
})
export class ReviewModule {}
