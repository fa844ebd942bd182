import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CriterionScore } from './weighted-score.js';

export interface ScorecardRow {
  reviewer_id: string;
  scores: CriterionScore[];
  weighted_score: string;
  submitted_at: Date;
}

/** An idea's review: who is assigned to it and the scorecards they submitted. */
@Injectable()
export class ReviewRepository {
  /** Returns false when the reviewer was already assigned. */
  async assign(manager: EntityManager, assignment: { ideaId: string; reviewerId: string; assignedBy: string }): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO review_assignments (idea_id, reviewer_id, assigned_by, assigned_at) VALUES ($1, $2, $3, now())
       ON CONFLICT DO NOTHING RETURNING reviewer_id`,
      [assignment.ideaId, assignment.reviewerId, assignment.assignedBy],
    );
    return inserted.length > 0;
  }

  async isAssigned(manager: EntityManager, ideaId: string, reviewerId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM review_assignments WHERE idea_id = $1 AND reviewer_id = $2`, [ideaId, reviewerId]);
    return rows.length > 0;
  }

  /** Everyone assigned to review the idea, whether or not they count. */
  async assignedReviewers(manager: EntityManager, ideaId: string): Promise<string[]> {
    const rows: Array<{ reviewer_id: string }> = await manager.query(`SELECT reviewer_id FROM review_assignments WHERE idea_id = $1 ORDER BY reviewer_id`, [ideaId]);
    return rows.map((row) => row.reviewer_id);
  }

  /** Assigned reviewers without a scorecard yet, whether or not they count. */
  async unscoredReviewers(manager: EntityManager, ideaId: string): Promise<string[]> {
    const rows: Array<{ reviewer_id: string }> = await manager.query(
      `SELECT a.reviewer_id FROM review_assignments a
         LEFT JOIN scorecards s ON s.idea_id = a.idea_id AND s.reviewer_id = a.reviewer_id
        WHERE a.idea_id = $1 AND s.reviewer_id IS NULL
        ORDER BY a.reviewer_id`,
      [ideaId],
    );
    return rows.map((row) => row.reviewer_id);
  }

  /** A reviewer may revise their scorecard while the idea is in review; the latest counts. */
  async saveScorecard(manager: EntityManager, scorecard: { ideaId: string; reviewerId: string; scores: CriterionScore[]; weightedScore: number; at: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO scorecards (idea_id, reviewer_id, scores, weighted_score, submitted_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (idea_id, reviewer_id) DO UPDATE SET scores = EXCLUDED.scores, weighted_score = EXCLUDED.weighted_score, submitted_at = EXCLUDED.submitted_at`,
      [scorecard.ideaId, scorecard.reviewerId, JSON.stringify(scorecard.scores), scorecard.weightedScore, scorecard.at],
    );
  }

  /** By reviewer. */
  async scorecards(manager: EntityManager, ideaId: string): Promise<ScorecardRow[]> {
    return manager.query(`SELECT reviewer_id, scores, weighted_score, submitted_at FROM scorecards WHERE idea_id = $1 ORDER BY reviewer_id`, [ideaId]);
  }
}
