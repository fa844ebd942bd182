import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import type { IdeaStatus } from '#ikm/contracts';
import type { HistoryEntry } from '#ikm/lifecycle';
import { DataSource } from 'typeorm';
import { IDEA_HISTORY } from '../idea-lifecycle.js';
import { IdeaRepository } from '../idea.repository.js';

/** Who moved the idea, when and why, oldest first. */
@Injectable()
export class GetHistoryUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
  ) {}

  async execute({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<Array<HistoryEntry<IdeaStatus>>> {
    const manager = this.dataSource.manager;
    await this.ideas.getVisible(manager, ideaId, user.sub);
    return IDEA_HISTORY.of(manager, ideaId);
  }
}
