import type { EntityManager } from 'typeorm';
import type { Idea } from '../idea/idea.entity.js';
import { ReviewRepository } from './review.repository.js';

/**
 * The assigned reviewers who count: anyone with a stake in the idea (on its team or invited to it) is
 * left out, neither awaited nor counted. Assignment, invitation and acceptance refuse such a reviewer
 * today, but an idea may hold one from before they did.
 */
export function independentReviewers(idea: Idea, assigned: readonly string[]): string[] {
  return assigned.filter((reviewerId) => !idea.hasStake(reviewerId));
}

/**
 * Everyone assigned to review the idea. Kept for manage-team.use-case.ts only, which issue 12 splits
 * in another change: its use cases are to inject ReviewRepository (exported by IdeaModule) and call
 * `assignedReviewers` on it, and this function then goes.
 */
export function assignedReviewers(manager: EntityManager, ideaId: string): Promise<string[]> {
  return new ReviewRepository().assignedReviewers(manager, ideaId);
}
