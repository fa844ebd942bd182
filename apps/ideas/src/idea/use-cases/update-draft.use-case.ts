import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { IdeaUpdatedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { ChallengeRepository } from '../../challenge/challenge.repository.js';
import type { Idea, IdeaChanges } from '../idea.entity.js';
import { IdeaRepository } from '../idea.repository.js';

export interface UpdateDraftCommand {
  user: AuthenticatedUser;
  ideaId: string;
  changes: IdeaChanges;
  /** From If-Match: refuse the change when someone else changed the draft meanwhile. */
  expectedVersion?: number;
}

@Injectable()
export class UpdateDraftUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly challenges: ChallengeRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, ideaId, changes, expectedVersion }: UpdateDraftCommand): Promise<Idea> {
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisibleForUpdate(manager, ideaId, user.sub);
      idea.assertVersion(expectedVersion);
      const applied = idea.edit(user.sub, changes, new Date());
      if (Object.keys(applied).length === 0) return idea; // nothing changed: no new version, no event
      if (applied.challengeId) await this.challenges.getReferenced(manager, applied.challengeId);
      await this.ideas.save(manager, idea);
      await this.outbox.append(manager, IdeaUpdatedV1, idea.id, {
        ideaId: idea.id,
        version: idea.version,
        changes: applied,
        updatedAt: idea.updatedAt.toISOString(),
      });
      return idea;
    });
  }
}
