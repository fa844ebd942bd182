import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { IdeaCoauthorInvitedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { ReviewRepository } from '../../review/review.repository.js';
import type { Idea } from '../idea.entity.js';
import { IdeaRepository } from '../idea.repository.js';

export interface InviteCoauthorCommand {
  user: AuthenticatedUser;
  ideaId: string;
  /** The colleague invited. */
  userId: string;
}

/**
 * A member of the idea's team invites a colleague, who becomes a co-author on accepting. Nobody assigned
 * to review the idea is invited (the idea's row lock orders this against assignments).
 */
@Injectable()
export class InviteCoauthorUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly reviews: ReviewRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, ideaId, userId }: InviteCoauthorCommand): Promise<Idea> {
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisibleForUpdate(manager, ideaId, user.sub);
      const now = new Date();
      idea.inviteCoauthor(user.sub, userId, now, await this.reviews.assignedReviewers(manager, idea.id));
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
}
