import fc from 'fast-check';

/**
 * `levels` arrays inside each other (under the body parser's limit of 64, or far over it), as a marker
 * that `toJsonText` writes out: JSON.stringify itself recurses, and runs out of stack on 5,000 levels.
 */
export function nestedArrays(levels: number): string {
  return `\u0001nested:${levels}\u0001`;
}

/** JSON text of a value, with the markers of `nestedArrays` written out. */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.replace(/"\\u0001nested:(\d+)\\u0001"/g, (_marker, levels: string) => '['.repeat(Number(levels)) + ']'.repeat(Number(levels)));
}

function cursorOf(key: unknown, id: unknown = '7f3c9b2e-5d4a-47e1-9c0a-2b8e6f1d3a90'): string {
  return Buffer.from(JSON.stringify({ key, id })).toString('base64url');
}

/** Dates a parser may accept and a database or a Date may not hold, or may silently change. */
const DATES = [
  '-271821-04-20T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2027-02-30T00:00:00Z',
  '2027-13-01',
  '2027-02-29',
  '1',
  '2027',
  'today',
];

/** Numbers at and past the edges of JavaScript, of PostgreSQL's integer and numeric columns, and of decimals. */
const NUMBERS = [0, -1, -0.5, 1.5, 1e-7, 5e-324, 2147483647, 2147483648, -2147483649, 9007199254740993, 1e12, 1e21, 1e308, -1e308];

/** Text that has broken parsers, encoders, databases and logs elsewhere. */
const TEXTS = ['', ' ', '\u0000', 'a\u0000b', '\ud800', '%00', '../../etc/passwd', "' OR '1'='1", '<script>alert(1)</script>', 'null', 'NaN', 'Infinity', '-1', '1e308', '😀'.repeat(40), 'é'];

/** Cursors of the right form whose key has the wrong type or an extreme value, and broken ones. */
export const craftedCursor: fc.Arbitrary<string> = fc.constantFrom(
  cursorOf(1e308),
  cursorOf('0000-01-01T00:00:00Z'),
  cursorOf('-271821-04-20T00:00:00Z'),
  cursorOf('+275760-09-13T00:00:00Z'),
  cursorOf(-1),
  cursorOf([1]),
  cursorOf('2027-01-01T00:00:00Z', 'not-a-uuid'),
  Buffer.from('{"key":').toString('base64url'),
);

/** A string the caller may well send that is not what a field expects. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TEXTS) },
  { weight: 2, arbitrary: fc.constantFrom(...DATES) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS.map(String)) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 300, max: 5_000 }).map((length) => 'x'.repeat(length)) },
  { weight: 1, arbitrary: craftedCursor },
);

/** Any JSON value a field could be given instead of the one it expects. */
export function hostileJson(knownIds: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: fc.constantFrom<unknown>(true, false, [], {}, [[]], ['a', 1, null], { a: { b: {} } }) },
    { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
    { weight: 3, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 200_000 }).map((length) => 'x'.repeat(length)) },
    { weight: 1, arbitrary: fc.oneof(fc.double(), fc.integer()) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom(nestedArrays(60), nestedArrays(5_000), { a: nestedArrays(63) }) },
    ...(knownIds.length ? [{ weight: 1, arbitrary: fc.constantFrom<unknown>(...knownIds) }] : []),
  );
}

/** Bodies that are not JSON, or JSON no handler expects, sent as application/json. */
export const MALFORMED_JSON = ['{', '{"a":', 'nul', '[1,]', '{"a":1}}', '\u0000', '"', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}', ''];

/** A header value made of the characters HTTP allows (clients refuse to send others). */
export const headerText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 }),
  fc.constantFrom('"1"', '"2"', 'W/"1"', '*', '"99999999999"', '"-1"', '"1.5"', '""', ''),
  fc.integer({ min: 200, max: 2_000 }).map((length) => 'x'.repeat(length)),
);

/** Longer than a server takes in a URL or in its headers (Node's default is 16 KiB for both together). */
export const oversized: fc.Arbitrary<string> = fc.integer({ min: 17_000, max: 40_000 }).map((length) => 'x'.repeat(length));
