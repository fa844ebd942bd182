import { ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_LEVELS, ASSET_TYPES, ILO_REGIONS, SOURCE_PLATFORMS, type AccessLevel, type AssetType, type IloRegion, type SourcePlatform } from '#ikm/contracts';
import { IsoDate, LanguageTag, NoNulCharacters } from '#ikm/http';
import { PageQuery } from '#ikm/pagination';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { CountryCode } from '../../asset/metadata/metadata.validators.js';
import { SEARCH_SORTS, type SearchSort } from '../search.repository.js';

/** Most values one multi-valued parameter takes. */
const MAX_VALUES = 50;

/** `?type=a&type=b` arrives as a list, `?type=a` as a string: both become a list (anything else stays for the validators). */
const list = (value: unknown): unknown => (typeof value === 'string' ? [value] : value);

/** A year's digits as a number; anything else as sent, for the validator to refuse. */
const year = (value: unknown): unknown => (typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value);

/** A repeatable query parameter: each value (converted by `item`) validated by `each`, at most MAX_VALUES of them. */
function Repeatable(each: PropertyDecorator[], item: (value: unknown) => unknown = (value) => value): PropertyDecorator {
  const values = ({ value }: { value: unknown }) => {
    const listed = list(value);
    return Array.isArray(listed) ? listed.map(item) : listed;
  };
  return (target, key) => {
    for (const decorator of [IsOptional(), Transform(values), IsArray(), ArrayMaxSize(MAX_VALUES), ...each]) decorator(target, key);
  };
}

export class SearchAssetsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Words, "quoted phrases", OR, -excluded (web-search syntax), matched in titles, keywords, abstracts and subject labels.', maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  @NoNulCharacters()
  q?: string;

  @ApiPropertyOptional({ type: [String], example: ['fr'], description: 'Analyse `q` in these languages only (BCP 47); by default in every language the index knows.' })
  @Repeatable([LanguageTag({ each: true })])
  lang?: string[];

  @ApiPropertyOptional({ enum: SEARCH_SORTS, description: 'Default: relevance with `q`, newest (date issued) without.' })
  @IsOptional()
  @IsIn(SEARCH_SORTS)
  sort?: SearchSort;

  @ApiPropertyOptional({ enum: ASSET_TYPES, isArray: true })
  @Repeatable([IsIn(ASSET_TYPES, { each: true })])
  type?: AssetType[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Taxonomy concept ids; each includes its narrower concepts.' })
  @Repeatable([IsUUID('all', { each: true })])
  subject?: string[];

  @ApiPropertyOptional({ enum: ILO_REGIONS, isArray: true })
  @Repeatable([IsIn(ILO_REGIONS, { each: true })])
  region?: IloRegion[];

  @ApiPropertyOptional({ type: [String], example: ['KE'] })
  @Repeatable([CountryCode({ each: true })])
  country?: string[];

  @ApiPropertyOptional({ type: [String], example: ['es'], description: 'Languages of the asset (BCP 47).' })
  @Repeatable([LanguageTag({ each: true })])
  language?: string[];

  @ApiPropertyOptional({ enum: SOURCE_PLATFORMS, isArray: true })
  @Repeatable([IsIn(SOURCE_PLATFORMS, { each: true })])
  source?: SourcePlatform[];

  @ApiPropertyOptional({ type: [Number], example: [2024], description: 'Years issued.' })
  @Repeatable([IsInt({ each: true }), Min(1900, { each: true }), Max(9999, { each: true })], year)
  year?: number[];

  @ApiPropertyOptional({ enum: ACCESS_LEVELS, isArray: true })
  @Repeatable([IsIn(ACCESS_LEVELS, { each: true })])
  accessLevel?: AccessLevel[];

  @ApiPropertyOptional({ format: 'date', description: 'Issued on or after this day.' })
  @IsOptional()
  @IsoDate()
  issuedFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Issued on or before this day.' })
  @IsOptional()
  @IsoDate()
  issuedTo?: string;
}
