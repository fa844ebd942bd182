import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { FollowRepository } from '../follow.repository.js';

/**
 * Following an idea (to list it with `followedBy=me`); following again changes nothing. In a
 * transaction, like every write: under an Idempotency-Key it joins the request's transaction, on the
 * one connection it holds.
 */
@Injectable()
export class FollowIdeaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly follows: FollowRepository,
  ) {}

  async execute({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<{ following: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await this.ideas.getVisible(manager, ideaId, user.sub);
      await this.follows.add(manager, ideaId, user.sub);
      return { following: true };
    });
  }
}
