import { z } from 'zod';
import { InvalidRequestException } from './validation.js';

/** Position after the last item of a page, for keyset pagination on (createdAt DESC, id DESC). */
export interface KeysetCursor {
  createdAt: string;
  id: string;
}

const CursorSchema = z.object({ createdAt: z.iso.datetime(), id: z.uuid() });

/** Opaque to clients: base64url of JSON, so its shape can change without breaking them. */
export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(value: string): KeysetCursor {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw new InvalidRequestException([{ field: 'cursor', reason: 'cursor is not one this API returned' }]);
  }
}
