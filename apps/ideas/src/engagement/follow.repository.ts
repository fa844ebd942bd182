import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Who follows which idea (listed with `followedBy=me`); adding or removing twice changes nothing. */
@Injectable()
export class FollowRepository {
  async add(manager: EntityManager, ideaId: string, userId: string): Promise<void> {
    await manager.query(`INSERT INTO follows (idea_id, user_id, created_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING`, [ideaId, userId]);
  }

  async remove(manager: EntityManager, ideaId: string, userId: string): Promise<void> {
    await manager.query(`DELETE FROM follows WHERE idea_id = $1 AND user_id = $2`, [ideaId, userId]);
  }
}
