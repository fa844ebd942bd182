import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface EndorsementChange {
  /** False when there was nothing to change (already endorsed, or nothing to withdraw). */
  changed: boolean;
  /** Endorsements of the idea after the change. */
  endorsements: number;
}

/**
 * Endorsements, one row per person and idea, and their count kept on the idea's row for sorting. The
 * count moves by an atomic UPDATE in the same transaction as the row that justifies it, so concurrent
 * endorsements are all counted (no read-modify-write) and a repeated call changes nothing.
 */
@Injectable()
export class EndorsementRepository {
  async add(manager: EntityManager, ideaId: string, userId: string): Promise<EndorsementChange> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO endorsements (idea_id, user_id, created_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING RETURNING user_id`,
      [ideaId, userId],
    );
    if (inserted.length === 0) return { changed: false, endorsements: await this.count(manager, ideaId) };
    return { changed: true, endorsements: await this.moveCount(manager, ideaId, +1) };
  }

  async remove(manager: EntityManager, ideaId: string, userId: string): Promise<EndorsementChange> {
    // TypeORM returns [rows, affected] for UPDATE and DELETE.
    const [deleted]: [unknown[], number] = await manager.query(`DELETE FROM endorsements WHERE idea_id = $1 AND user_id = $2 RETURNING user_id`, [ideaId, userId]);
    if (deleted.length === 0) return { changed: false, endorsements: await this.count(manager, ideaId) };
    return { changed: true, endorsements: await this.moveCount(manager, ideaId, -1) };
  }

  private async moveCount(manager: EntityManager, ideaId: string, by: 1 | -1): Promise<number> {
    const [[{ endorsement_count: endorsements }]]: [Array<{ endorsement_count: number }>, number] = await manager.query(
      `UPDATE ideas SET endorsement_count = endorsement_count + $2 WHERE id = $1 RETURNING endorsement_count`,
      [ideaId, by],
    );
    return endorsements;
  }

  private async count(manager: EntityManager, ideaId: string): Promise<number> {
    const [{ endorsement_count: endorsements }]: Array<{ endorsement_count: number }> = await manager.query(`SELECT endorsement_count FROM ideas WHERE id = $1`, [ideaId]);
    return endorsements;
  }
}
