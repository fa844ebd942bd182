import { Injectable } from '@nestjs/common';
import type { IdeaStatus } from '#ikm/contracts';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { acceptedMemberPattern } from '#ikm/membership';
import { afterCursor, keysetOrder, pageOf, rowsToFetch, WhereClause, type KeysetSort, type Page } from '#ikm/pagination';
import { entitySelectList, prepared, queryPrepared, type PreparedStatement } from '#ikm/persistence';
import { DataSource, type EntityManager } from 'typeorm';
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

export type IdeaPage = Page<Idea>;

/** Each sort: the column it orders by (then id, same direction) and how the cursor holds its value. */
const SORTS: Record<IdeaSort, KeysetSort<Idea>> = {
  newest: { column: 'idea.created_at', idColumn: 'idea.id', direction: 'DESC', keyKind: 'timestamp', keyOf: (idea) => idea.createdAt.toISOString() },
  oldest: { column: 'idea.created_at', idColumn: 'idea.id', direction: 'ASC', keyKind: 'timestamp', keyOf: (idea) => idea.createdAt.toISOString() },
  recently_updated: { column: 'idea.updated_at', idColumn: 'idea.id', direction: 'DESC', keyKind: 'timestamp', keyOf: (idea) => idea.updatedAt.toISOString() },
  most_endorsed: { column: 'idea.endorsement_count', idColumn: 'idea.id', direction: 'DESC', keyKind: 'integer', keyOf: (idea) => idea.endorsementCount },
};

/**
 * Ideas, on the caller's manager like every repository. They are read and inserted with prepared
 * statements (parsed and planned once per connection), since these are the hottest queries of the
 * service; everything else goes through TypeORM.
 */
@Injectable()
export class IdeaRepository {
  private readonly selectList: string;
  private readonly byId: PreparedStatement;
  private readonly insertStatement: PreparedStatement;
  private readonly insertColumns: ColumnMetadata[];

  constructor(private readonly dataSource: DataSource) {
    this.selectList = entitySelectList(dataSource, Idea, 'idea');
    this.byId = prepared(`SELECT ${this.selectList} FROM ideas idea WHERE idea.id = $1`);
    this.insertColumns = dataSource.getMetadata(Idea).columns.filter((column) => column.isInsert);
    this.insertStatement = prepared(
      `INSERT INTO ideas (${this.insertColumns.map((column) => `"${column.databaseName}"`).join(', ')})
       VALUES (${this.insertColumns.map((_, index) => `$${index + 1}`).join(', ')})`,
    );
  }

  async insert(manager: EntityManager, idea: Idea): Promise<void> {
    const driver = this.dataSource.driver;
    const values = this.insertColumns.map((column) => driver.preparePersistentValue(column.getEntityValue(idea), column));
    await queryPrepared(manager, this.insertStatement, values);
  }

  async save(manager: EntityManager, idea: Idea): Promise<void> {
    await manager.save(Idea, idea);
  }

  async getVisible(manager: EntityManager, id: string, viewerId: string): Promise<Idea> {
    const [row] = await queryPrepared<Partial<Idea>>(manager, this.byId, [id]);
    const idea = row && hydrate(row);
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
  async list(manager: EntityManager, filter: IdeaListFilter): Promise<IdeaPage> {
    const sort = SORTS[filter.sort];
    const where = new WhereClause();
    where.add((member) => `(idea.status <> 'draft' OR idea.team @> ${member}::jsonb)`, acceptedMemberPattern(filter.viewerId));
    const filtered = this.applyFilters(where, filter);
    const cursor = filter.cursor;
    if (cursor) where.add(() => afterCursor(sort, cursor, where));
    const limit = where.parameter(rowsToFetch(filter.limit));
    const text = `SELECT ${this.selectList} FROM ideas idea WHERE ${where.sql()} ORDER BY ${keysetOrder(sort)} LIMIT ${limit}`;
    // Only the unfiltered shapes (4 sorts, with or without a cursor) are prepared: the combinations of
    // filters run to thousands, and each would stay prepared on every connection.
    const statement = filtered ? { text } : prepared(text);
    const rows = (await queryPrepared<Partial<Idea>>(manager, statement, where.values)).map(hydrate);
    return pageOf(rows, filter.limit, sort);
  }

  /** Adds the filters the caller asked for; returns whether there were any. */
  private applyFilters(where: WhereClause, filter: IdeaListFilter): boolean {
    const before = where.size;
    if (filter.status) where.add((status) => `idea.status = ${status}`, filter.status);
    if (filter.challengeId) where.add((challengeId) => `idea.challenge_id = ${challengeId}`, filter.challengeId);
    if (filter.theme) where.add((theme) => `${theme} = ANY(idea.themes)`, filter.theme);
    if (filter.region) where.add((region) => `idea.region = ${region}`, filter.region);
    if (filter.unit) where.add((unit) => `idea.origin_unit = ${unit}`, filter.unit);
    if (filter.authorId) where.add((authorId) => `idea.author_id = ${authorId}`, filter.authorId);
    if (filter.text) where.add((text) => `idea.search @@ websearch_to_tsquery('simple', ${text})`, filter.text);
    if (filter.viewerIsMember) where.add((member) => `idea.team @> ${member}::jsonb`, acceptedMemberPattern(filter.viewerId));
    if (filter.followedByViewer) {
      where.add((viewerId) => `EXISTS (SELECT 1 FROM follows f WHERE f.idea_id = idea.id AND f.user_id = ${viewerId})`, filter.viewerId);
    }
    return where.size > before;
  }
}

/** A row selected with the entity's select list (pg already parsed jsonb, arrays and timestamps). */
function hydrate(row: Partial<Idea>): Idea {
  return Object.assign(new Idea(), row);
}
