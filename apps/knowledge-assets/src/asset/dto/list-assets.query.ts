import { ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_LEVELS, ASSET_STATUSES, ASSET_TYPES, ILO_REGIONS, type AccessLevel, type AssetStatus, type AssetType, type IloRegion } from '#ikm/contracts';
import { LanguageTag, NoNulCharacters } from '#ikm/http';
import { PageQuery } from '#ikm/pagination';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ASSET_SORTS, type AssetSort } from '../asset.repository.js';
import { CountryCode } from '../metadata/metadata.validators.js';

export class ListAssetsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ASSET_SORTS, default: 'recently_updated' })
  @IsOptional()
  @IsIn(ASSET_SORTS)
  sort: AssetSort = 'recently_updated';

  @ApiPropertyOptional({ enum: ASSET_TYPES })
  @IsOptional()
  @IsIn(ASSET_TYPES)
  type?: AssetType;

  @ApiPropertyOptional({ enum: ASSET_STATUSES, description: 'The status of the version listed for each asset (its latest you may see).' })
  @IsOptional()
  @IsIn(ASSET_STATUSES)
  status?: AssetStatus;

  @ApiPropertyOptional({ description: 'Publishing unit.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @NoNulCharacters()
  unit?: string;

  @ApiPropertyOptional({ example: 'fr', description: 'A BCP 47 tag among its languages.' })
  @IsOptional()
  @LanguageTag()
  language?: string;

  @ApiPropertyOptional({ example: 'KE' })
  @IsOptional()
  @CountryCode()
  country?: string;

  @ApiPropertyOptional({ enum: ILO_REGIONS })
  @IsOptional()
  @IsIn(ILO_REGIONS)
  region?: IloRegion;

  @ApiPropertyOptional({ format: 'uuid', description: 'A taxonomy concept id.' })
  @IsOptional()
  @IsUUID()
  subject?: string;

  @ApiPropertyOptional({ enum: ACCESS_LEVELS })
  @IsOptional()
  @IsIn(ACCESS_LEVELS)
  accessLevel?: AccessLevel;

  @ApiPropertyOptional({ enum: ['me'], description: 'Only assets you are a creator of.' })
  @IsOptional()
  @IsIn(['me'])
  creator?: 'me';
}
