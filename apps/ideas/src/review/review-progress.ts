import type { Idea } from '../idea/idea.entity.js';

/**
 * The assigned reviewers who count: anyone with a stake in the idea (on its team or invited to it) is
 * left out, neither awaited nor counted. Assignment, invitation and acceptance refuse such a reviewer
 * today, but an idea may hold one from before they did.
 */
export function independentReviewers(idea: Idea, assigned: readonly string[]): string[] {
  return assigned.filter((reviewerId) => !idea.hasStake(reviewerId));
}
