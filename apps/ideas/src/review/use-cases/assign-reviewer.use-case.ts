import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { IdeaReviewerAssignedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';
import type { ReviewResponse } from '../dto/review.dto.js';
import { ReviewReport } from '../review-report.js';
import { ReviewError } from '../review.errors.js';
import { ReviewRepository } from '../review.repository.js';

const REVIEWABLE = ['submitted', 'in_review'];

/**
 * An administrator assigns a reviewer to a submitted idea: never someone on its team nor invited to it,
 * so nobody with a stake in the idea scores it (the idea's row lock orders this against invitations).
 */
@Injectable()
export class AssignReviewerUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly reviews: ReviewRepository,
    private readonly report: ReviewReport,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, ideaId, reviewerId }: { user: AuthenticatedUser; ideaId: string; reviewerId: string }): Promise<ReviewResponse> {
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisibleForUpdate(manager, ideaId, user.sub);
      if (!REVIEWABLE.includes(idea.status)) throw ReviewError.notInReview(idea.status, 'assigning a reviewer');
      if (idea.hasStake(reviewerId)) throw ReviewError.reviewerOnTeam(reviewerId);
      if (!(await this.reviews.assign(manager, { ideaId, reviewerId, assignedBy: user.sub }))) throw ReviewError.alreadyAssigned(reviewerId);
      await this.outbox.append(manager, IdeaReviewerAssignedV1, ideaId, { ideaId, reviewerId, assignedBy: user.sub, assignedAt: new Date().toISOString() });
      return this.report.of(manager, idea, user);
    });
  }
}
