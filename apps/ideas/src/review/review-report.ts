import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import type { EntityManager } from 'typeorm';
import { DEFAULT_CRITERIA, type Criterion } from '../challenge/challenge.entity.js';
import { ChallengeRepository } from '../challenge/challenge.repository.js';
import type { Idea } from '../idea/idea.entity.js';
import type { ReviewResponse, ScorecardResponse } from './dto/review.dto.js';
import { independentReviewers } from './review-progress.js';
import { ReviewRepository } from './review.repository.js';

/**
 * An idea's review as a reader sees it: the reviewers who count, who is still awaited, the scorecards
 * the reader may see and their mean. Assignments and scorecards are read once each; who is pending
 * follows from them.
 */
@Injectable()
export class ReviewReport {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly challenges: ChallengeRepository,
  ) {}

  /** The challenge's criteria, or the default set for an idea outside any challenge. */
  async criteriaOf(manager: EntityManager, idea: Idea): Promise<Criterion[]> {
    return idea.challengeId ? (await this.challenges.get(manager, idea.challengeId)).criteria : DEFAULT_CRITERIA;
  }

  /** `criteria` when the caller has read them already. */
  async of(manager: EntityManager, idea: Idea, user: AuthenticatedUser, criteria?: Criterion[]): Promise<ReviewResponse> {
    const reviewers = independentReviewers(idea, await this.reviews.assignedReviewers(manager, idea.id));
    const rows = (await this.reviews.scorecards(manager, idea.id)).filter((row) => reviewers.includes(row.reviewer_id));
    const scoredBy = new Set(rows.map((row) => row.reviewer_id));
    const pending = reviewers.filter((reviewerId) => !scoredBy.has(reviewerId));
    const seesAll = (user.roles.includes('ikmu_admin') || reviewers.includes(user.sub)) && !idea.hasStake(user.sub);
    const scorecards: ScorecardResponse[] = rows
      .filter((row) => seesAll || row.reviewer_id === user.sub)
      .map((row) => ({ reviewerId: row.reviewer_id, scores: row.scores, weightedScore: Number(row.weighted_score), submittedAt: row.submitted_at.toISOString() }));
    const mean = rows.length ? Math.round((rows.reduce((sum, row) => sum + Number(row.weighted_score), 0) / rows.length) * 100) / 100 : null;
    return {
      ideaId: idea.id,
      criteria: criteria ?? (await this.criteriaOf(manager, idea)),
      reviewers,
      pendingReviewers: pending,
      scorecards,
      weightedScore: mean,
      complete: reviewers.length > 0 && pending.length === 0,
    };
  }
}
