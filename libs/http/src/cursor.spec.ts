import { randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor } from './cursor.js';
import { versionFromIfMatch } from './etag.js';
import { InvalidRequestException } from './validation.js';

describe('keyset cursor', () => {
  it.each([{ key: '2026-01-01T00:00:00.000Z', id: randomUUID() }, { key: 42, id: randomUUID() }])('round-trips %j', (cursor) => {
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each(['garbage', Buffer.from('{"key":"x","id":"y"}').toString('base64url'), Buffer.from('{"key":true,"id":"00000000-0000-4000-8000-000000000000"}').toString('base64url'), ''])('refuses %j with a 400 on the cursor field', (value) => {
    expect(() => decodeCursor(value)).toThrow(InvalidRequestException);
  });
});

describe('versionFromIfMatch', () => {
  it.each([
    ['"3"', 3],
    ['W/"12"', 12],
    ['7', 7],
    [undefined, undefined],
  ])('reads %j as %j', (header, version) => {
    expect(versionFromIfMatch(header)).toBe(version);
  });

  it('refuses anything else', () => {
    expect(() => versionFromIfMatch('"abc"')).toThrow(InvalidRequestException);
  });
});
