import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { FollowRepository } from '../follow.repository.js';

/** Stops following an idea; unfollowing one not followed changes nothing. */
@Injectable()
export class UnfollowIdeaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly follows: FollowRepository,
  ) {}

  async execute({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<{ following: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await this.ideas.getVisible(manager, ideaId, user.sub);
      await this.follows.remove(manager, ideaId, user.sub);
      return { following: false };
    });
  }
}
