import { Module } from '@nestjs/common';
import { ChallengeModule } from '../challenge/challenge.module.js';
import { IdeaModule } from '../idea/idea.module.js';
import { ReviewController } from './review.controller.js';
import { ReviewReport } from './review-report.js';
import { AssignReviewerUseCase } from './use-cases/assign-reviewer.use-case.js';
import { GetReviewUseCase } from './use-cases/get-review.use-case.js';
import { SubmitScorecardUseCase } from './use-cases/submit-scorecard.use-case.js';

@Module({
  imports: [IdeaModule, ChallengeModule],
  controllers: [ReviewController],
  // ReviewRepository comes with IdeaModule: an idea's transitions and team read the assignments too.
  providers: [ReviewReport, GetReviewUseCase, AssignReviewerUseCase, SubmitScorecardUseCase],
})
export class ReviewModule {}
