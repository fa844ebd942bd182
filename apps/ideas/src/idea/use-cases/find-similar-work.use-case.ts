import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { SimilarWorkRepository, type SimilarWork } from '../../similar-work/similar-work.repository.js';
import { IdeaRepository } from '../idea.repository.js';

@Injectable()
export class FindSimilarWorkUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly similarWork: SimilarWorkRepository,
  ) {}

  async execute({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<SimilarWork> {
    const manager = this.dataSource.manager;
    const idea = await this.ideas.getVisible(manager, ideaId, user.sub);
    return this.similarWork.find(manager, { excludeIdeaId: idea.id, title: idea.title, text: `${idea.problem} ${idea.proposal}`, viewer: user });
  }
}
