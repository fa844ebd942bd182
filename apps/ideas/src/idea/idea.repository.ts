import { Injectable } from '@nestjs/common';
import type { IdeaStatus } from '#ikm/contracts';
import { decodeCursor, encodeCursor, InvalidRequestException } from '#ikm/http';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { IdeaSort } from './dto/list-ideas.query.js';
import { Idea } from './idea.entity.js';
import { IdeaError } from './idea.errors.js';

export interface IdeaListFilter {
  viewerId: string;
  limit: number;
  cursor?: string;
  sort: IdeaSort;
  status?: IdeaStatus;
  challengeId?: string;
  theme?: string;
  region?: string;
  unit?: string;
  authorId?: string;
  text?: string;
  followedByViewer?: boolean;
  viewerIsMember?: boolean;
}

export interface IdeaPage {
  items: Idea[];
  nextCursor: string | null;
}

/** Each sort: the column it orders by (then id, same direction) and how the cursor holds its value. */
const SORTS: Record<IdeaSort, { column: string; direction: 'ASC' | 'DESC'; keyOf: (idea: Idea) => string | number }> = {
  newest: { column: 'idea.created_at', direction: 'DESC', keyOf: (idea) => idea.createdAt.toISOString() },
  oldest: { column: 'idea.created_at', direction: 'ASC', keyOf: (idea) => idea.createdAt.toISOString() },
  recently_updated: { column: 'idea.updated_at', direction: 'DESC', keyOf: (idea) => idea.updatedAt.toISOString() },
  most_endorsed: { column: 'idea.endorsement_count', direction: 'DESC', keyOf: (idea) => idea.endorsementCount },
};

function memberOf(userId: string): string {
  return JSON.stringify([{ userId, status: 'accepted' }]);
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

  async getVisible(id: string, viewerId: string, manager: EntityManager = this.dataSource.manager): Promise<Idea> {
    const idea = await manager.findOneBy(Idea, { id });
    if (!idea || !idea.isVisibleTo(viewerId)) throw IdeaError.notFound(id);
    return idea;
  }

  /** Locks the idea for the rest of the transaction, so concurrent changes apply one after the other. */
  async getVisibleForUpdate(manager: EntityManager, id: string, viewerId: string): Promise<Idea> {
    const idea = await manager.findOne(Idea, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!idea || !idea.isVisibleTo(viewerId)) throw IdeaError.notFound(id);
    return idea;
  }

  /** Keyset-paginated, in the requested order; others' drafts are never listed. */
  async list(filter: IdeaListFilter): Promise<IdeaPage> {
    const sort = SORTS[filter.sort];
    const query = this.dataSource.manager
      .createQueryBuilder(Idea, 'idea')
      .where(`(idea.status <> 'draft' OR idea.team @> :viewerMember::jsonb)`, { viewerMember: memberOf(filter.viewerId) })
      .orderBy(sort.column, sort.direction)
      .addOrderBy('idea.id', sort.direction)
      .limit(filter.limit + 1);
    this.applyFilters(query, filter);
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor);
      const keyIsCount = filter.sort === 'most_endorsed';
      if (keyIsCount !== (typeof after.key === 'number')) {
        throw new InvalidRequestException([{ field: 'cursor', reason: 'cursor belongs to another sort order' }]);
      }
      const comparison = sort.direction === 'DESC' ? '<' : '>';
      query.andWhere(`(${sort.column}, idea.id) ${comparison} (:afterKey, :afterId)`, { afterKey: after.key, afterId: after.id });
    }
    const rows = await query.getMany();
    const items = rows.slice(0, filter.limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > filter.limit && last ? encodeCursor({ key: sort.keyOf(last), id: last.id }) : null };
  }

  private applyFilters(query: SelectQueryBuilder<Idea>, filter: IdeaListFilter): void {
    if (filter.status) query.andWhere('idea.status = :status', { status: filter.status });
    if (filter.challengeId) query.andWhere('idea.challenge_id = :challengeId', { challengeId: filter.challengeId });
    if (filter.theme) query.andWhere(':theme = ANY(idea.themes)', { theme: filter.theme });
    if (filter.region) query.andWhere('idea.region = :region', { region: filter.region });
    if (filter.unit) query.andWhere('idea.origin_unit = :unit', { unit: filter.unit });
    if (filter.authorId) query.andWhere('idea.author_id = :authorId', { authorId: filter.authorId });
    if (filter.text) query.andWhere(`idea.search @@ websearch_to_tsquery('simple', :text)`, { text: filter.text });
    if (filter.viewerIsMember) query.andWhere('idea.team @> :member::jsonb', { member: memberOf(filter.viewerId) });
    if (filter.followedByViewer) {
      query.andWhere('EXISTS (SELECT 1 FROM follows f WHERE f.idea_id = idea.id AND f.user_id = :viewerId)', { viewerId: filter.viewerId });
    }
  }
}
