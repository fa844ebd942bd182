import { ApiPropertyOptional } from '@nestjs/swagger';
import { CURSOR_EXAMPLE } from '#ikm/http';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

/**
 * Query parameters every keyset-paginated list takes; a list's query class extends it with its filters
 * and sort. The cursor is checked against the sort's key kind when the page is read (see afterCursor).
 */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page (same filters and sort).', example: CURSOR_EXAMPLE })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  cursor?: string;
}
