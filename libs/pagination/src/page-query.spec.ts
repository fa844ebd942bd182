import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { MAX_PAGE_SIZE, PageQuery } from './page-query.js';

function problemsOf(query: Record<string, unknown>): string[] {
  return validateSync(plainToInstance(PageQuery, query)).map((error) => error.property);
}

describe('PageQuery', () => {
  it('defaults the limit to 20 and reads it from the query string', () => {
    expect(plainToInstance(PageQuery, {}).limit).toBe(20);
    expect(plainToInstance(PageQuery, { limit: '5' }).limit).toBe(5);
    expect(problemsOf({ limit: '100', cursor: 'abc' })).toEqual([]);
  });

  it.each([['0'], [String(MAX_PAGE_SIZE + 1)], ['2.5'], ['ten']])('refuses limit=%s', (limit) => {
    expect(problemsOf({ limit })).toEqual(['limit']);
  });

  it.each([[''], ['x'.repeat(513)]])('refuses a cursor of length %#', (cursor) => {
    expect(problemsOf({ cursor })).toEqual(['cursor']);
  });
});
