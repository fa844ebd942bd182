import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { IdeaCoauthorInvitedV1, IdeaCoauthorJoinedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { assignedReviewers } from '../../review/review-progress.js';
import type { Idea } from '../idea.entity.js';
import { IdeaRepository } from '../idea.repository.js';

/**
 * The team of an idea: a member invites a colleague; the colleague accepts and becomes a co-author.
 * Nobody assigned to review the idea joins it (the idea's row lock orders this against assignments).
 */
@Injectable()
export class ManageTeamUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async invite({ user, ideaId, userId }: { user: AuthenticatedUser; ideaId: string; userId: string }): Promise<Idea> {
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisibleForUpdate(manager, ideaId, user.sub);
      const now = new Date();
      idea.inviteCoauthor(user.sub, userId, now, await assignedReviewers(manager, idea.id));
      await this.ideas.save(manager, idea);
      await this.outbox.append(manager, IdeaCoauthorInvitedV1, idea.id, {
        ideaId: idea.id,
        version: idea.version,
        userId,
        invitedBy: user.sub,
        invitedAt: now.toISOString(),
      });
      return idea;
    });
  }

  async accept({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<Idea> {
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisibleForUpdate(manager, ideaId, user.sub);
      const now = new Date();
      idea.acceptInvitation(user.sub, now, await assignedReviewers(manager, idea.id));
      await this.ideas.save(manager, idea);
      await this.outbox.append(manager, IdeaCoauthorJoinedV1, idea.id, {
        ideaId: idea.id,
        version: idea.version,
        userId: user.sub,
        joinedAt: now.toISOString(),
      });
      return idea;
    });
  }
}
