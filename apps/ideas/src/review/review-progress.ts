import type { EntityManager } from 'typeorm';

/** Assigned reviewers who have not scored the idea yet: the review is complete when there are none. */
export async function pendingReviewers(manager: EntityManager, ideaId: string): Promise<string[]> {
  const rows: Array<{ reviewer_id: string }> = await manager.query(
    `SELECT a.reviewer_id FROM review_assignments a
       LEFT JOIN scorecards s ON s.idea_id = a.idea_id AND s.reviewer_id = a.reviewer_id
      WHERE a.idea_id = $1 AND s.reviewer_id IS NULL
      ORDER BY a.reviewer_id`,
    [ideaId],
  );
  return rows.map((row) => row.reviewer_id);
}
