import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { IdeaSubmittedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import type { Idea } from '../idea.entity.js';
import { IdeaRepository } from '../idea.repository.js';

export interface SubmitIdeaCommand {
  user: AuthenticatedUser;
  ideaId: string;
  expectedVersion?: number;
}

@Injectable()
export class SubmitIdeaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, ideaId, expectedVersion }: SubmitIdeaCommand): Promise<Idea> {
    return this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.getVisibleForUpdate(manager, ideaId, user.sub);
      idea.assertVersion(expectedVersion);
      idea.submit(user.sub, new Date());
      await this.ideas.save(manager, idea);
      await this.outbox.append(manager, IdeaSubmittedV1, idea.id, {
        ideaId: idea.id,
        version: idea.version,
        status: 'submitted',
        authorId: idea.authorId,
        submittedAt: (idea.submittedAt ?? idea.updatedAt).toISOString(),
      });
      return idea;
    });
  }
}
