import { nestsDeeperThan } from './json-body-parser.js';

const json = (text: string) => Buffer.from(text, 'utf8');
const arrays = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('nestsDeeperThan', () => {
  it('counts arrays and objects alike, up to the limit included', () => {
    expect(nestsDeeperThan(json(arrays(3)), 3)).toBe(false);
    expect(nestsDeeperThan(json(arrays(4)), 3)).toBe(true);
    expect(nestsDeeperThan(json('{"a":{"b":[{"c":1}]}}'), 4)).toBe(false);
    expect(nestsDeeperThan(json('{"a":{"b":[{"c":[]}]}}'), 4)).toBe(true);
  });

  it('counts depth, not the number of containers side by side', () => {
    expect(nestsDeeperThan(json(`[${Array(1000).fill('{"a":[1]}').join(',')}]`), 3)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes and multi-byte characters included', () => {
    expect(nestsDeeperThan(json('{"title":"[[[[{{{{"}'), 1)).toBe(false);
    expect(nestsDeeperThan(json('{"title":"a \\" [[[[ \\\\"}'), 1)).toBe(false);
    expect(nestsDeeperThan(json('{"t":"é€😀[[[["}'), 1)).toBe(false);
    expect(nestsDeeperThan(json('{"t":"\\\\",  "u":[[1]]}'), 2)).toBe(true);
  });

  it('stops reading at the first level too many, however large the body', () => {
    const body = json(arrays(500_000));
    let furthestRead = -1;
    const watched = new Proxy(body, {
      get(target, key) {
        if (typeof key === 'string' && /^\d+$/.test(key)) furthestRead = Math.max(furthestRead, Number(key));
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    expect(nestsDeeperThan(watched, 64)).toBe(true);
    expect(furthestRead).toBe(64);
  });
});
