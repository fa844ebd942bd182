import { z } from 'zod';
import { InvalidRequestException } from './validation.js';

/**
 * Position after the last item of a page, for keyset pagination on (sort key, id): the sort key is a
 * timestamp or a number, the id breaks ties.
 */
export interface KeysetCursor {
  key: string | number;
  id: string;
}

const CursorSchema = z.object({ key: z.union([z.iso.datetime(), z.number()]), id: z.uuid() });

/** Opaque to clients: base64url of JSON, so its shape can change without breaking them. */
export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** A cursor as clients see one, for the API's examples. */
export const CURSOR_EXAMPLE = encodeCursor({ key: '2026-11-27T10:00:00.000Z', id: '7f3c9b2e-5d4a-47e1-9c0a-2b8e6f1d3a90' });

export function decodeCursor(value: string): KeysetCursor {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw new InvalidRequestException([{ field: 'cursor', reason: 'cursor is not one this API returned' }]);
  }
}
