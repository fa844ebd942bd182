import type { EntityManager } from 'typeorm';
import type { Idea } from '../idea/idea.entity.js';

/**
 * The assigned reviewers who count: anyone with a stake in the idea (on its team or invited to it) is
 * left out, neither awaited nor counted. Assignment, invitation and acceptance refuse such a reviewer
 * today, but an idea may hold one from before they did.
 */
export function independentReviewers(idea: Idea, assigned: readonly string[]): string[] {
  return assigned.filter((reviewerId) => !idea.hasStake(reviewerId));
}

/** Everyone assigned to review the idea, whether or not they count. */
export async function assignedReviewers(manager: EntityManager, ideaId: string): Promise<string[]> {
  const rows: Array<{ reviewer_id: string }> = await manager.query(`SELECT reviewer_id FROM review_assignments WHERE idea_id = $1 ORDER BY reviewer_id`, [ideaId]);
  return rows.map((row) => row.reviewer_id);
}

/** Independent reviewers who have not scored the idea yet: the review is complete when there are none. */
export async function pendingReviewers(manager: EntityManager, idea: Idea): Promise<string[]> {
  const rows: Array<{ reviewer_id: string }> = await manager.query(
    `SELECT a.reviewer_id FROM review_assignments a
       LEFT JOIN scorecards s ON s.idea_id = a.idea_id AND s.reviewer_id = a.reviewer_id
      WHERE a.idea_id = $1 AND s.reviewer_id IS NULL
      ORDER BY a.reviewer_id`,
    [idea.id],
  );
  return independentReviewers(idea, rows.map((row) => row.reviewer_id));
}
