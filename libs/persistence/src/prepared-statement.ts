import { createHash } from 'node:crypto';
import type { DataSource, EntityManager, ObjectLiteral, QueryRunner } from 'typeorm';
import type { EntityTarget } from 'typeorm';

/**
 * A statement PostgreSQL parses and plans once per connection, then only executes. TypeORM sends every
 * query unnamed, so the server parses and plans it again on each call: on a hot path (an idea by id, a
 * list page, the inserts of a write) that took several times longer than executing it.
 */
export interface PreparedStatement {
  /** Unique per text: a connection keeps the first text it saw under a name. */
  readonly name: string;
  readonly text: string;
}

/** A statement sent unnamed: parsed and planned on every call, and kept nowhere. */
export interface UnnamedStatement {
  readonly text: string;
}

interface PgQueryable {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a statement on the caller's transaction when there is one (so it commits or rolls back with
 * it), otherwise on a pooled connection, straight through pg (TypeORM's query path adds nothing a hot
 * statement needs). Returns the rows.
 */
export async function queryPrepared<Row>(
  manager: EntityManager,
  statement: PreparedStatement | UnnamedStatement,
  values: unknown[],
): Promise<Row[]> {
  const runner: QueryRunner | undefined = manager.queryRunner;
  const connection: PgQueryable =
    runner && !runner.isReleased ? ((await runner.connect()) as PgQueryable) : ((manager.connection.driver as unknown as { master: PgQueryable }).master);
  const result = await connection.query({ ...statement, values });
  return result.rows as Row[];
}

/**
 * `"column" AS "property"` for every column of an entity, so that a hand-written SELECT yields rows
 * shaped like the entity; `alias` qualifies the columns when the query joins.
 */
export function entitySelectList(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>, alias?: string): string {
  const qualifier = alias ? `${alias}.` : '';
  return dataSource
    .getMetadata(entity)
    .columns.map((column) => `${qualifier}"${column.databaseName}" AS "${column.propertyName}"`)
    .join(', ');
}

const namesByText = new Map<string, string>();

/**
 * The prepared form of a statement, named after its text. Values always go in as parameters, never into
 * the text. Every connection keeps each prepared statement it ran until it closes, so only a small,
 * fixed set of texts should be prepared; SQL composed from many combinations of fragments should be
 * sent unnamed.
 */
export function prepared(text: string): PreparedStatement {
  let name = namesByText.get(text);
  if (!name) {
    name = `ikm_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    namesByText.set(text, name);
  }
  return { name, text };
}
