import { randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor } from './cursor.js';
import { InvalidRequestException } from './validation.js';

const crafted = (json: string) => Buffer.from(json).toString('base64url');
const id = '00000000-0000-4000-8000-000000000000';

function refusal(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidRequestException) return error.fieldErrors;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('keyset cursor', () => {
  it.each([
    [{ key: '2026-01-01T00:00:00.000Z', id: randomUUID() }, 'timestamp'],
    [{ key: 42, id: randomUUID() }, 'integer'],
  ] as const)('round-trips %j', (cursor, kind) => {
    expect(decodeCursor(encodeCursor(cursor), kind)).toEqual(cursor);
  });

  it.each([
    ['garbage', 'timestamp'],
    ['', 'timestamp'],
    [crafted('{"key":"x","id":"y"}'), 'timestamp'],
    [crafted(`{"key":true,"id":"${id}"}`), 'integer'],
    [crafted(`{"key":"0000-01-01T00:00:00Z","id":"${id}"}`), 'timestamp'],
    [crafted(`{"key":"-271821-04-20T00:00:00Z","id":"${id}"}`), 'timestamp'],
    [crafted(`{"key":"2027-02-30T00:00:00Z","id":"${id}"}`), 'timestamp'],
    [crafted(`{"key":1e308,"id":"${id}"}`), 'integer'],
    [crafted(`{"key":2147483648,"id":"${id}"}`), 'integer'],
    [crafted(`{"key":1.5,"id":"${id}"}`), 'integer'],
  ] as const)('refuses %j for a %s key with a 400 on the cursor field', (value, kind) => {
    expect(refusal(() => decodeCursor(value, kind))).toEqual([{ field: 'cursor', reason: 'cursor is not one this API returned' }]);
  });

  it.each([
    [crafted(`{"key":1e308,"id":"${id}"}`), 'timestamp'],
    [crafted(`{"key":"2026-01-01T00:00:00.000Z","id":"${id}"}`), 'integer'],
  ] as const)('refuses %j, whose key is of the other kind than %s, as another sort order', (value, kind) => {
    expect(refusal(() => decodeCursor(value, kind))).toEqual([{ field: 'cursor', reason: 'cursor belongs to another sort order' }]);
  });
});
