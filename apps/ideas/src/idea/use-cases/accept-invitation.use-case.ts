import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { IdeaCoauthorJoinedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { ReviewRepository } from '../../review/review.repository.js';
import type { Idea } from '../idea.entity.js';
import { IdeaRepository } from '../idea.repository.js';

export interface AcceptInvitationCommand {
  /** The invitee: only they accept their invitation. */
  user: AuthenticatedUser;
  ideaId: string;
}

/**
 * The invitee joins the idea's team as a co-author, unless they were assigned to review the idea since
 * the invitation (the idea's row lock orders this against assignments).
 */
@Injectable()
export class AcceptInvitationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly reviews: ReviewRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, ideaId }: AcceptInvitationCommand): Promise<Idea> {
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisibleForUpdate(manager, ideaId, user.sub);
      const now = new Date();
      idea.acceptInvitation(user.sub, now, await this.reviews.assignedReviewers(manager, idea.id));
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
