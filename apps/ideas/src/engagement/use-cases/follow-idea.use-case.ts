import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';

/**
 * Following an idea (to list it with `followedBy=me`); idempotent both ways. In a transaction, like every
 * write: under an Idempotency-Key it joins the request's transaction, on the one connection it holds.
 */
@Injectable()
export class FollowIdeaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
  ) {}

  async follow({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<{ following: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await this.ideas.getVisible(ideaId, user.sub, manager);
      await manager.query(`INSERT INTO follows (idea_id, user_id, created_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING`, [ideaId, user.sub]);
      return { following: true };
    });
  }

  async unfollow({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<{ following: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await this.ideas.getVisible(ideaId, user.sub, manager);
      await manager.query(`DELETE FROM follows WHERE idea_id = $1 AND user_id = $2`, [ideaId, user.sub]);
      return { following: false };
    });
  }
}
