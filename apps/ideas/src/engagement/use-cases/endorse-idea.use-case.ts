import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { IdeaEndorsedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { EndorsementRepository } from '../endorsement.repository.js';
import { EngagementError } from '../engagement.errors.js';

export interface EndorsementState {
  endorsed: boolean;
  endorsements: number;
}

/**
 * One endorsement per person, never on one's own idea; endorsing again changes nothing. Every read and
 * write runs in the transaction: under an Idempotency-Key the request holds one connection, and a
 * second asked of the pool could wait on a full pool.
 */
@Injectable()
export class EndorseIdeaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly endorsements: EndorsementRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<EndorsementState> {
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisible(manager, ideaId, user.sub);
      idea.assertOpenForEngagement();
      if (idea.isOnTeam(user.sub)) throw EngagementError.ownIdea(ideaId);
      const { changed, endorsements } = await this.endorsements.add(manager, ideaId, user.sub);
      if (changed) await this.outbox.append(manager, IdeaEndorsedV1, ideaId, { ideaId, userId: user.sub, endorsements, endorsedAt: new Date().toISOString() });
      return { endorsed: true, endorsements };
    });
  }
}
