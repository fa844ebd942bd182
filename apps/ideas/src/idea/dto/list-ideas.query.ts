import { ApiPropertyOptional } from '@nestjs/swagger';
import { IDEA_STATUSES, type IdeaStatus } from '#ikm/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

export class ListIdeasQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  cursor?: string;

  @ApiPropertyOptional({ enum: IDEA_STATUSES })
  @IsOptional()
  @IsIn(IDEA_STATUSES)
  status?: IdeaStatus;

  @ApiPropertyOptional({ description: 'Subject of the author.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  author?: string;
}
