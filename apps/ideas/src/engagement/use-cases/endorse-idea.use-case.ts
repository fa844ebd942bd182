import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { IdeaEndorsedV1, IdeaEndorsementWithdrawnV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { EngagementError } from '../engagement.errors.js';

export interface EndorsementState {
  endorsed: boolean;
  endorsements: number;
}

/**
 * One endorsement per person, never on one's own idea, withdrawable. The count moves by an atomic
 * UPDATE in the same transaction as the row that justifies it, so concurrent endorsements are all
 * counted (no read-modify-write) and a repeated call changes nothing.
 */
@Injectable()
export class EndorseIdeaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async endorse({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<EndorsementState> {
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisible(ideaId, user.sub, manager);
      idea.assertOpenForEngagement();
      if (idea.isOnTeam(user.sub)) throw EngagementError.ownIdea(ideaId);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO endorsements (idea_id, user_id, created_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING RETURNING user_id`,
        [ideaId, user.sub],
      );
      if (inserted.length === 0) return { endorsed: true, endorsements: await this.count(manager, ideaId) };
      // TypeORM returns [rows, affected] for UPDATE and DELETE.
      const [[{ endorsement_count: endorsements }]] = await manager.query(
        `UPDATE ideas SET endorsement_count = endorsement_count + 1 WHERE id = $1 RETURNING endorsement_count`,
        [ideaId],
      );
      await this.outbox.append(manager, IdeaEndorsedV1, ideaId, { ideaId, userId: user.sub, endorsements, endorsedAt: new Date().toISOString() });
      return { endorsed: true, endorsements };
    });
  }

  async withdraw({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<EndorsementState> {
    return this.dataSource.transaction(async (manager) => {
      await this.ideas.getVisible(ideaId, user.sub, manager);
      const [deleted]: [unknown[], number] = await manager.query(`DELETE FROM endorsements WHERE idea_id = $1 AND user_id = $2 RETURNING user_id`, [ideaId, user.sub]);
      if (deleted.length === 0) return { endorsed: false, endorsements: await this.count(manager, ideaId) };
      const [[{ endorsement_count: endorsements }]] = await manager.query(
        `UPDATE ideas SET endorsement_count = endorsement_count - 1 WHERE id = $1 RETURNING endorsement_count`,
        [ideaId],
      );
      await this.outbox.append(manager, IdeaEndorsementWithdrawnV1, ideaId, { ideaId, userId: user.sub, endorsements, withdrawnAt: new Date().toISOString() });
      return { endorsed: false, endorsements };
    });
  }

  /** Read in the caller's transaction: under an Idempotency-Key a second connection could wait on a full pool. */
  private async count(manager: EntityManager, ideaId: string): Promise<number> {
    const [{ endorsement_count: endorsements }] = await manager.query(`SELECT endorsement_count FROM ideas WHERE id = $1`, [ideaId]);
    return endorsements;
  }
}
