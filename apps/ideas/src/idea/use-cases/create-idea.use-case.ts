import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { IdeaCreatedV1 } from '#ikm/contracts';
import { OutboxWriter } from '#ikm/messaging';
import { DataSource } from 'typeorm';
import { Idea, type IdeaContent } from '../idea.entity.js';
import { IdeaRepository } from '../idea.repository.js';

export interface CreateIdeaCommand {
  user: AuthenticatedUser;
  content: IdeaContent;
}

@Injectable()
export class CreateIdeaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ user, content }: CreateIdeaCommand): Promise<Idea> {
    const idea = Idea.draft(user.sub, content, new Date());
    await this.dataSource.transaction(async (manager) => {
      await this.ideas.insert(manager, idea);
      await this.outbox.append(manager, IdeaCreatedV1, idea.id, {
        ideaId: idea.id,
        version: idea.version,
        title: idea.title,
        problem: idea.problem,
        proposal: idea.proposal,
        themes: idea.themes,
        authorId: idea.authorId,
        status: 'draft',
        createdAt: idea.createdAt.toISOString(),
      });
    });
    return idea;
  }
}
