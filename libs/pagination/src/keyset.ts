import { decodeCursor, encodeCursor, type CursorKeyKind } from '#ikm/http';
import type { SqlParameters } from './sql-parameters.js';

/**
 * One order a list can be read in: by `column`, then by the row's id in the same direction so that every
 * row has one place. The key kind says what a cursor's key must be, so a crafted cursor is refused
 * before its key reaches SQL.
 */
export interface KeysetSort<Row> {
  /** SQL expression ordered by, e.g. `idea.created_at`. Constant text, never a value. */
  column: string;
  /** SQL expression of the row's id, the tie-breaker, e.g. `idea.id`. */
  idColumn: string;
  direction: 'ASC' | 'DESC';
  keyKind: CursorKeyKind;
  keyOf(row: Row): string | number;
}

/** A page of a keyset-paginated list: `nextCursor` is null on the last page. */
export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/** `ORDER BY` terms of a sort (column, then id). */
export function keysetOrder(sort: KeysetSort<unknown>): string {
  return `${sort.column} ${sort.direction}, ${sort.idColumn} ${sort.direction}`;
}

/**
 * The condition "after the cursor" in the sort's order, the cursor's key and id passed as parameters.
 * A cursor that is not one of this sort's is a 400 naming `cursor`.
 */
export function afterCursor(sort: KeysetSort<unknown>, cursor: string, parameters: SqlParameters): string {
  const after = decodeCursor(cursor, sort.keyKind);
  const comparison = sort.direction === 'DESC' ? '<' : '>';
  return `(${sort.column}, ${sort.idColumn}) ${comparison} (${parameters.parameter(after.key)}, ${parameters.parameter(after.id)})`;
}

/** How many rows to fetch for a page of `limit`: one more tells whether another page follows. */
export function rowsToFetch(limit: number): number {
  return limit + 1;
}

/** The page of `limit` rows out of the `rowsToFetch(limit)` read, with the cursor after its last row. */
export function pageOf<Row extends { id: string }>(rows: Row[], limit: number, sort: KeysetSort<Row>): Page<Row> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ key: sort.keyOf(last), id: last.id }) : null };
}
