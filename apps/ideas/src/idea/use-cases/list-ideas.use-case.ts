import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import { DataSource } from 'typeorm';
import type { ListIdeasQuery } from '../dto/list-ideas.query.js';
import { IdeaRepository, type IdeaPage } from '../idea.repository.js';

@Injectable()
export class ListIdeasUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ideas: IdeaRepository,
  ) {}

  execute({ user, query }: { user: AuthenticatedUser; query: ListIdeasQuery }): Promise<IdeaPage> {
    return this.ideas.list(this.dataSource.manager, {
      viewerId: user.sub,
      limit: query.limit,
      cursor: query.cursor,
      sort: query.sort,
      status: query.status,
      challengeId: query.challengeId,
      theme: query.theme,
      region: query.region,
      unit: query.unit,
      authorId: query.author,
      text: query.q,
      followedByViewer: query.followedBy === 'me',
      viewerIsMember: query.member === 'me',
    });
  }
}
