import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { IdeaReviewCompletedV1, IdeaReviewerAssignedV1, IdeaScorecardSubmittedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_CRITERIA, type Criterion } from '../../challenge/challenge.entity.js';
import { ChallengeRepository } from '../../challenge/challenge.repository.js';
import type { Idea } from '../../idea/idea.entity.js';
import { IdeaRepository } from '../../idea/idea.repository.js';
import type { ReviewResponse, ScorecardResponse } from '../dto/review.dto.js';
import { assignedReviewers, independentReviewers, pendingReviewers } from '../review-progress.js';
import { ReviewError } from '../review.errors.js';
import { weightedScore, type CriterionScore } from '../weighted-score.js';

const REVIEWABLE = ['submitted', 'in_review'];

interface ScorecardRow {
  reviewer_id: string;
  scores: CriterionScore[];
  weighted_score: string;
  submitted_at: Date;
}

/**
 * Review of an idea: an administrator assigns reviewers (never from its team, nor anyone invited to
 * it); each assigned reviewer scores every criterion 1-5; the review is complete when all have scored.
 * Nobody with a stake in the idea scores it, or is awaited or counted, whatever the order in which
 * they were assigned and invited.
 */
@Injectable()
export class ReviewIdeaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly challenges: ChallengeRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async assign({ user, ideaId, reviewerId }: { user: AuthenticatedUser; ideaId: string; reviewerId: string }): Promise<ReviewResponse> {
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisibleForUpdate(manager, ideaId, user.sub);
      if (!REVIEWABLE.includes(idea.status)) throw ReviewError.notInReview(idea.status, 'assigning a reviewer');
      if (idea.hasStake(reviewerId)) throw ReviewError.reviewerOnTeam(reviewerId);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO review_assignments (idea_id, reviewer_id, assigned_by, assigned_at) VALUES ($1, $2, $3, now())
         ON CONFLICT DO NOTHING RETURNING reviewer_id`,
        [ideaId, reviewerId, user.sub],
      );
      if (inserted.length === 0) throw ReviewError.alreadyAssigned(reviewerId);
      await this.outbox.append(manager, IdeaReviewerAssignedV1, ideaId, { ideaId, reviewerId, assignedBy: user.sub, assignedAt: new Date().toISOString() });
      return this.review(manager, idea, user);
    });
  }

  async score({ user, ideaId, scores }: { user: AuthenticatedUser; ideaId: string; scores: CriterionScore[] }): Promise<ReviewResponse> {
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisibleForUpdate(manager, ideaId, user.sub);
      if (idea.hasStake(user.sub)) throw ReviewError.ownIdea();
      const [assignment] = await manager.query(`SELECT 1 FROM review_assignments WHERE idea_id = $1 AND reviewer_id = $2`, [ideaId, user.sub]);
      if (!assignment) throw ReviewError.notAssigned();
      if (idea.status !== 'in_review') throw ReviewError.notInReview(idea.status, 'scoring');
      const { weighted, scored } = weightedScore(await this.criteriaOf(manager, idea), scores);
      const now = new Date();
      // A reviewer may revise their scorecard while the idea is in review; the latest counts.
      await manager.query(
        `INSERT INTO scorecards (idea_id, reviewer_id, scores, weighted_score, submitted_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (idea_id, reviewer_id) DO UPDATE SET scores = EXCLUDED.scores, weighted_score = EXCLUDED.weighted_score, submitted_at = EXCLUDED.submitted_at`,
        [ideaId, user.sub, JSON.stringify(scored), weighted, now],
      );
      await this.outbox.append(manager, IdeaScorecardSubmittedV1, ideaId, {
        ideaId,
        reviewerId: user.sub,
        scores: scored.map(({ criterion, score, weight }) => ({ criterion, score, weight })),
        weightedScore: weighted,
        submittedAt: now.toISOString(),
      });
      const review = await this.review(manager, idea, user);
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

  async get({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<ReviewResponse> {
    const idea = await this.ideas.getVisible(ideaId, user.sub);
    return this.review(this.dataSource.manager, idea, user);
  }

  private async criteriaOf(manager: EntityManager, idea: Idea): Promise<Criterion[]> {
    return idea.challengeId ? (await this.challenges.get(idea.challengeId, manager)).criteria : DEFAULT_CRITERIA;
  }

  private async review(manager: EntityManager, idea: Idea, user: AuthenticatedUser): Promise<ReviewResponse> {
    const reviewers = independentReviewers(idea, await assignedReviewers(manager, idea.id));
    const scored: ScorecardRow[] = await manager.query(
      `SELECT reviewer_id, scores, weighted_score, submitted_at FROM scorecards WHERE idea_id = $1 ORDER BY reviewer_id`,
      [idea.id],
    );
    const rows = scored.filter((row) => reviewers.includes(row.reviewer_id));
    const pending = await pendingReviewers(manager, idea);
    const seesAll = (user.roles.includes('ikmu_admin') || reviewers.includes(user.sub)) && !idea.hasStake(user.sub);
    const scorecards: ScorecardResponse[] = rows
      .filter((row) => seesAll || row.reviewer_id === user.sub)
      .map((row) => ({ reviewerId: row.reviewer_id, scores: row.scores, weightedScore: Number(row.weighted_score), submittedAt: row.submitted_at.toISOString() }));
    const mean = rows.length ? Math.round((rows.reduce((sum, row) => sum + Number(row.weighted_score), 0) / rows.length) * 100) / 100 : null;
    return {
      ideaId: idea.id,
      criteria: await this.criteriaOf(manager, idea),
      reviewers,
      pendingReviewers: pending,
      scorecards,
      weightedScore: mean,
      complete: reviewers.length > 0 && pending.length === 0,
    };
  }
}
