import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { IdeaEndorsementWithdrawnV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { IdeaRepository } from '../../idea/idea.repository.js';
import { EndorsementRepository } from '../endorsement.repository.js';
import type { EndorsementState } from './endorse-idea.use-case.js';

/** Withdraws the caller's endorsement; withdrawing one that is not there changes nothing. */
@Injectable()
export class WithdrawEndorsementUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly endorsements: EndorsementRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<EndorsementState> {
    return this.dataSource.transaction(async (manager) => {
      await this.ideas.getVisible(manager, ideaId, user.sub);
      const { changed, endorsements } = await this.endorsements.remove(manager, ideaId, user.sub);
      if (changed) await this.outbox.append(manager, IdeaEndorsementWithdrawnV1, ideaId, { ideaId, userId: user.sub, endorsements, withdrawnAt: new Date().toISOString() });
      return { endorsed: false, endorsements };
    });
  }
}
