import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import { SimilarWorkFinder, type SimilarWork } from '../../similar-work/similar-work.finder.js';
import { IdeaRepository } from '../idea.repository.js';

@Injectable()
export class FindSimilarWorkUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
    private readonly finder: SimilarWorkFinder,
  ) {}

  async execute({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<SimilarWork> {
    const idea = await this.ideas.getVisible(ideaId, user.sub);
    return this.finder.find(this.dataSource.manager, { excludeIdeaId: idea.id, title: idea.title, text: `${idea.problem} ${idea.proposal}` });
  }
}
