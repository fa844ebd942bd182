import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { ASSET_STATUSES, FORESIGHT_DRIVER_CATEGORIES, FORESIGHT_HORIZON_YEARS, FORESIGHT_SCALE, type AssetStatus, type ForesightDriverCategory } from '#ikm/contracts';
import { NoNulCharacters } from '#ikm/http';
import { PageQuery } from '#ikm/pagination';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ASSET_SORTS, type AssetSort } from '../../asset/asset.repository.js';
import { HorizonYear, OnTheScale } from './foresight-metadata.dto.js';

/** The filters of both foresight lists (and of the matrix, which has no page). */
export class ForesightFilterQuery {
  @ApiPropertyOptional({ enum: ASSET_STATUSES, description: 'The status of the version listed for each asset (its latest you may see).' })
  @IsOptional()
  @IsIn(ASSET_STATUSES)
  status?: AssetStatus;

  @ApiPropertyOptional({ type: 'integer', minimum: FORESIGHT_HORIZON_YEARS.min, maximum: FORESIGHT_HORIZON_YEARS.max, example: 2030, description: 'A year the horizon includes.' })
  @IsOptional()
  @Type(() => Number)
  @HorizonYear()
  horizon?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'A taxonomy concept id.' })
  @IsOptional()
  @IsUUID()
  subject?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Web-search syntax over title, keywords, abstract, drivers and narrative.' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  @NoNulCharacters()
  q?: string;
}

export class SignalFilterQuery extends ForesightFilterQuery {
  @ApiPropertyOptional({ enum: FORESIGHT_DRIVER_CATEGORIES, description: 'Signals with a driver of this category.' })
  @IsOptional()
  @IsIn(FORESIGHT_DRIVER_CATEGORIES)
  driver?: ForesightDriverCategory;

  @ApiPropertyOptional({ type: 'integer', minimum: FORESIGHT_SCALE.min, maximum: FORESIGHT_SCALE.max })
  @IsOptional()
  @Type(() => Number)
  @OnTheScale()
  minLikelihood?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: FORESIGHT_SCALE.min, maximum: FORESIGHT_SCALE.max })
  @IsOptional()
  @Type(() => Number)
  @OnTheScale()
  minImpact?: number;
}

const sortProperty = () => ApiPropertyOptional({ enum: ASSET_SORTS, default: 'recently_updated' });

/** The signals' list: its filters, a page, a sort. */
export class ListSignalsQuery extends IntersectionType(PageQuery, SignalFilterQuery) {
  @sortProperty()
  @IsOptional()
  @IsIn(ASSET_SORTS)
  sort: AssetSort = 'recently_updated';
}

/** The scenarios' list (and a signal's scenarios): its filters, a page, a sort. */
export class ListScenariosQuery extends IntersectionType(PageQuery, ForesightFilterQuery) {
  @sortProperty()
  @IsOptional()
  @IsIn(ASSET_SORTS)
  sort: AssetSort = 'recently_updated';
}

/** The likelihood x impact matrix counts the signals the list's filters keep. */
export class SignalMatrixQuery extends SignalFilterQuery {}
