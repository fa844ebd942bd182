import { ApiPropertyOptional } from '@nestjs/swagger';
import { IDEA_STATUSES, type IdeaStatus } from '#ikm/contracts';
import { NoNulCharacters } from '#ikm/http';
import { PageQuery } from '#ikm/pagination';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export const IDEA_SORTS = ['newest', 'oldest', 'most_endorsed', 'recently_updated'] as const;
export type IdeaSort = (typeof IDEA_SORTS)[number];

export class ListIdeasQuery extends PageQuery {
  @ApiPropertyOptional({ enum: IDEA_SORTS, default: 'newest' })
  @IsOptional()
  @IsIn(IDEA_SORTS)
  sort: IdeaSort = 'newest';

  @ApiPropertyOptional({ enum: IDEA_STATUSES })
  @IsOptional()
  @IsIn(IDEA_STATUSES)
  status?: IdeaStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  challengeId?: string;

  @ApiPropertyOptional({ description: 'Ideas with this theme.' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  @NoNulCharacters()
  theme?: string;

  @ApiPropertyOptional({ description: 'Origin region.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @NoNulCharacters()
  region?: string;

  @ApiPropertyOptional({ description: 'Origin unit.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @NoNulCharacters()
  unit?: string;

  @ApiPropertyOptional({ description: 'Subject of the author.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @NoNulCharacters()
  author?: string;

  @ApiPropertyOptional({ description: 'Words to find in title, problem and proposal.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @NoNulCharacters()
  q?: string;

  @ApiPropertyOptional({ enum: ['me'], description: 'Only ideas you follow.' })
  @IsOptional()
  @IsIn(['me'])
  followedBy?: 'me';

  @ApiPropertyOptional({ enum: ['me'], description: 'Only ideas whose team you are on.' })
  @IsOptional()
  @IsIn(['me'])
  member?: 'me';
}
