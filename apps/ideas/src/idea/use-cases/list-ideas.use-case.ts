import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import type { IdeaStatus } from '#ikm/contracts';
import { IdeaRepository, type IdeaPage } from '../idea.repository.js';

export interface ListIdeasCommand {
  user: AuthenticatedUser;
  limit: number;
  cursor?: string;
  status?: IdeaStatus;
  authorId?: string;
}

@Injectable()
export class ListIdeasUseCase {
  constructor(private readonly ideas: IdeaRepository) {}

  execute({ user, ...filter }: ListIdeasCommand): Promise<IdeaPage> {
    return this.ideas.list({ viewerId: user.sub, ...filter });
  }
}
