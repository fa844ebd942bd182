import { sqlIdentifier } from './sql-identifier.js';

describe('sqlIdentifier', () => {
  it('quotes a plain name, so that a keyword is still a name', () => {
    expect(sqlIdentifier('idea_transitions')).toBe('"idea_transitions"');
    expect(sqlIdentifier('order')).toBe('"order"');
  });

  it.each([['x; DROP TABLE ideas'], ['X-id'], ['Ideas'], ['1st'], ['a"b'], [''], ['a'.repeat(64)]])('refuses %j', (name) => {
    expect(() => sqlIdentifier(name)).toThrow('not a plain SQL identifier');
  });
});
