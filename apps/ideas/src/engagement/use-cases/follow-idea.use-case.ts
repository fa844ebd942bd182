import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';

/** Following an idea (to list it with `followedBy=me`); idempotent both ways. */
@Injectable()
export class FollowIdeaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
  ) {}

  async follow({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<{ following: boolean }> {
    await this.ideas.getVisible(ideaId, user.sub);
    await this.dataSource.query(`INSERT INTO follows (idea_id, user_id, created_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING`, [ideaId, user.sub]);
    return { following: true };
  }

  async unfollow({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<{ following: boolean }> {
    await this.ideas.getVisible(ideaId, user.sub);
    await this.dataSource.query(`DELETE FROM follows WHERE idea_id = $1 AND user_id = $2`, [ideaId, user.sub]);
    return { following: false };
  }
}
