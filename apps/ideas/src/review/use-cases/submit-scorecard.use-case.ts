import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { IdeaReviewCompletedV1, IdeaScorecardSubmittedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';
import type { ReviewResponse } from '../dto/review.dto.js';
import { ReviewReport } from '../review-report.js';
import { ReviewError } from '../review.errors.js';
import { ReviewRepository } from '../review.repository.js';
import { weightedScore, type CriterionScore } from '../weighted-score.js';

/**
 * An assigned reviewer scores every criterion 1-5, or replaces their scorecard, while the idea is in
 * review; the review is complete when every reviewer who counts has scored.
 */
@Injectable()
export class SubmitScorecardUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly reviews: ReviewRepository,
    private readonly report: ReviewReport,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, ideaId, scores }: { user: AuthenticatedUser; ideaId: string; scores: CriterionScore[] }): Promise<ReviewResponse> {
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisibleForUpdate(manager, ideaId, user.sub);
      if (idea.hasStake(user.sub)) throw ReviewError.ownIdea();
      if (!(await this.reviews.isAssigned(manager, ideaId, user.sub))) throw ReviewError.notAssigned();
      if (idea.status !== 'in_review') throw ReviewError.notInReview(idea.status, 'scoring');
      const criteria = await this.report.criteriaOf(manager, idea);
      const { weighted, scored } = weightedScore(criteria, scores);
      const now = new Date();
      await this.reviews.saveScorecard(manager, { ideaId, reviewerId: user.sub, scores: scored, weightedScore: weighted, at: now });
      await this.outbox.append(manager, IdeaScorecardSubmittedV1, ideaId, {
        ideaId,
        reviewerId: user.sub,
        scores: scored.map(({ criterion, score, weight }) => ({ criterion, score, weight })),
        weightedScore: weighted,
        submittedAt: now.toISOString(),
      });
      const review = await this.report.of(manager, idea, user, criteria);
      if (review.complete && review.weightedScore !== null) {
        await this.outbox.append(manager, IdeaReviewCompletedV1, ideaId, {
          ideaId,
          reviewers: review.reviewers,
          weightedScore: review.weightedScore,
          completedAt: now.toISOString(),
        });
      }
      return review;
    });
  }
}
