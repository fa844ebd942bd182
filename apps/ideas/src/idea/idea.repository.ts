import { Injectable } from '@nestjs/common';
import type { IdeaStatus } from '#ikm/contracts';
import { decodeCursor, encodeCursor } from '#ikm/http';
import { DataSource, type EntityManager } from 'typeorm';
import { Idea } from './idea.entity.js';
import { IdeaError } from './idea.errors.js';

export interface IdeaListFilter {
  viewerId: string;
  status?: IdeaStatus;
  authorId?: string;
  limit: number;
  cursor?: string;
}

export interface IdeaPage {
  items: Idea[];
  nextCursor: string | null;
}

@Injectable()
export class IdeaRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, idea: Idea): Promise<void> {
    await manager.insert(Idea, idea);
  }

  async save(manager: EntityManager, idea: Idea): Promise<void> {
    await manager.save(Idea, idea);
  }

  async getVisible(id: string, viewerId: string): Promise<Idea> {
    const idea = await this.dataSource.manager.findOneBy(Idea, { id });
    if (!idea || !idea.isVisibleTo(viewerId)) throw IdeaError.notFound(id);
    return idea;
  }

  /** Locks the idea for the rest of the transaction, so concurrent changes apply one after the other. */
  async getVisibleForUpdate(manager: EntityManager, id: string, viewerId: string): Promise<Idea> {
    const idea = await manager.findOne(Idea, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!idea || !idea.isVisibleTo(viewerId)) throw IdeaError.notFound(id);
    return idea;
  }

  /** Newest first, keyset-paginated; others' drafts are never listed. */
  async list(filter: IdeaListFilter): Promise<IdeaPage> {
    const query = this.dataSource.manager
      .createQueryBuilder(Idea, 'idea')
      .where(`(idea.status <> 'draft' OR idea.author_id = :viewerId)`, { viewerId: filter.viewerId })
      .orderBy('idea.created_at', 'DESC')
      .addOrderBy('idea.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.status) query.andWhere('idea.status = :status', { status: filter.status });
    if (filter.authorId) query.andWhere('idea.author_id = :authorId', { authorId: filter.authorId });
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor);
      query.andWhere('(idea.created_at, idea.id) < (:afterCreatedAt, :afterId)', {
        afterCreatedAt: after.createdAt,
        afterId: after.id,
      });
    }
    const rows = await query.getMany();
    const items = rows.slice(0, filter.limit);
    const last = items.at(-1);
    const nextCursor =
      rows.length > filter.limit && last ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null;
    return { items, nextCursor };
  }
}
