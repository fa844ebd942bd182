import { randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor, InvalidRequestException } from '#ikm/http';
import { afterCursor, keysetOrder, pageOf, rowsToFetch, type KeysetSort } from './keyset.js';
import { NamedParameters, WhereClause } from './sql-parameters.js';

interface Row {
  id: string;
  createdAt: Date;
  score: number;
}

const newest: KeysetSort<Row> = { column: 'r.created_at', idColumn: 'r.id', direction: 'DESC', keyKind: 'timestamp', keyOf: (row) => row.createdAt.toISOString() };
const lowestScore: KeysetSort<Row> = { column: 'r.score', idColumn: 'r.id', direction: 'ASC', keyKind: 'integer', keyOf: (row) => row.score };

const row = (score: number): Row => ({ id: randomUUID(), createdAt: new Date(Date.UTC(2026, 0, score + 1)), score });

describe('keysetOrder', () => {
  it('orders by the column, then the id, both in the sort direction', () => {
    expect(keysetOrder(newest)).toBe('r.created_at DESC, r.id DESC');
    expect(keysetOrder(lowestScore)).toBe('r.score ASC, r.id ASC');
  });
});

describe('afterCursor', () => {
  it('compares (column, id) past the cursor, its key and id passed as parameters after those already there', () => {
    const sut = new WhereClause();
    sut.add((status) => `r.status = ${status}`, 'open');
    const id = randomUUID();
    sut.add(() => afterCursor(newest, encodeCursor({ key: '2026-03-01T00:00:00.000Z', id }), sut));
    expect(sut.sql()).toBe('r.status = $1 AND (r.created_at, r.id) < ($2, $3)');
    expect(sut.values).toEqual(['open', '2026-03-01T00:00:00.000Z', id]);
  });

  it('looks upwards on an ascending sort', () => {
    const sut = new WhereClause();
    const id = randomUUID();
    expect(afterCursor(lowestScore, encodeCursor({ key: 7, id }), sut)).toBe('(r.score, r.id) > ($1, $2)');
    expect(sut.values).toEqual([7, id]);
  });

  it('names its parameters for a query builder', () => {
    const sut = new NamedParameters('after');
    const id = randomUUID();
    expect(afterCursor(lowestScore, encodeCursor({ key: 7, id }), sut)).toBe('(r.score, r.id) > (:after0, :after1)');
    expect(sut.values).toEqual({ after0: 7, after1: id });
  });

  it.each([
    ['a cursor of a timestamp sort on an integer sort', lowestScore, encodeCursor({ key: '2026-03-01T00:00:00.000Z', id: randomUUID() })],
    ['an SQL fragment as key', newest, encodeCursor({ key: "'); DROP TABLE r; --", id: randomUUID() })],
    ['garbage', newest, 'not-a-cursor'],
  ])('refuses %s as a 400 on the cursor field, adding no parameter', (_, sort, cursor) => {
    const parameters = new WhereClause();
    expect(() => afterCursor(sort, cursor, parameters)).toThrow(InvalidRequestException);
    expect(parameters.values).toEqual([]);
  });
});

describe('pageOf', () => {
  it('fetches one row more than the page holds', () => {
    expect(rowsToFetch(20)).toBe(21);
  });

  it('returns the first `limit` rows and a cursor after the last of them when more rows were read', () => {
    const rows = [row(1), row(2), row(3)];
    const sut = pageOf(rows, 2, lowestScore);
    expect(sut.items).toEqual(rows.slice(0, 2));
    expect(decodeCursor(sut.nextCursor!, 'integer')).toEqual({ key: 2, id: rows[1]!.id });
  });

  it('keys the cursor by the sort: a timestamp sort gets the ISO timestamp', () => {
    const rows = [row(1), row(2)];
    expect(decodeCursor(pageOf(rows, 1, newest).nextCursor!, 'timestamp')).toEqual({ key: rows[0]!.createdAt.toISOString(), id: rows[0]!.id });
  });

  it.each([
    ['as many rows as the limit', 2, 2],
    ['fewer rows', 1, 2],
    ['no rows', 0, 2],
  ])('has no next cursor on the last page (%s)', (_, count, limit) => {
    const rows = Array.from({ length: count }, (_, index) => row(index));
    expect(pageOf(rows, limit, lowestScore)).toEqual({ items: rows, nextCursor: null });
  });
});
