import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import type { Idea } from '../idea.entity.js';
import { IdeaRepository } from '../idea.repository.js';

@Injectable()
export class GetIdeaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
  ) {}

  execute({ user, ideaId }: { user: AuthenticatedUser; ideaId: string }): Promise<Idea> {
    return this.ideas.getVisible(this.dataSource.manager, ideaId, user.sub);
  }
}
