import { ApiProperty } from '@nestjs/swagger';
import { CURSOR_EXAMPLE } from '#ikm/http';
import type { Page } from './keyset.js';

type Class<T> = abstract new (...args: never[]) => T;

/**
 * The OpenAPI shape of a page of `item`: extend it under the name the document should show,
 * `class IdeaPageResponse extends PageResponse(IdeaResponse) {}`.
 */
export function PageResponse<Item>(item: Class<Item>): Class<Page<Item>> {
  abstract class PageOfItems implements Page<Item> {
    @ApiProperty({ type: [item] }) items: Item[];
    @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last.', example: CURSOR_EXAMPLE })
    nextCursor: string | null;
  }
  return PageOfItems;
}
