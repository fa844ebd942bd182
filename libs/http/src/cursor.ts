import { z } from 'zod';
import { dateTimeProblem } from './date.validators.js';
import { integerProblem } from './number.validators.js';
import { InvalidRequestException } from './validation.js';

/**
 * Position after the last item of a page, for keyset pagination on (sort key, id): the sort key is a
 * timestamp or a number, the id breaks ties.
 */
export interface KeysetCursor {
  key: string | number;
  id: string;
}

/** What a sort orders by, and so what its cursor's key must be: an ISO timestamp or a PostgreSQL integer. */
export type CursorKeyKind = 'timestamp' | 'integer';

const CursorSchema = z.object({ key: z.union([z.string(), z.number()]), id: z.uuid() });

/** Opaque to clients: base64url of JSON, so its shape can change without breaking them. */
export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** A cursor as clients see one, for the API's examples. */
export const CURSOR_EXAMPLE = encodeCursor({ key: '2026-11-27T10:00:00.000Z', id: '7f3c9b2e-5d4a-47e1-9c0a-2b8e6f1d3a90' });

function refused(reason: string): InvalidRequestException {
  return new InvalidRequestException([{ field: 'cursor', reason }]);
}

/**
 * Reads a cursor for a sort whose key is of `keyKind`. A crafted cursor is a 400 naming `cursor`: its key
 * goes into the page's SQL, where a number for a timestamp column, a year 0 or 1e308 would fail as a 500.
 */
export function decodeCursor(value: string, keyKind: CursorKeyKind): KeysetCursor {
  let cursor: KeysetCursor;
  try {
    cursor = CursorSchema.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw refused('cursor is not one this API returned');
  }
  if (typeof cursor.key !== (keyKind === 'timestamp' ? 'string' : 'number')) throw refused('cursor belongs to another sort order');
  const problem = keyKind === 'timestamp' ? dateTimeProblem(cursor.key) : integerProblem(cursor.key);
  if (problem) throw refused('cursor is not one this API returned');
  return cursor;
}
