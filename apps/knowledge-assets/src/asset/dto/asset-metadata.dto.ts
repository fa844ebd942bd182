import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_LEVELS, ASSET_TYPES, ILO_REGIONS, PERSISTENT_IDENTIFIER_SCHEMES, SOURCE_PLATFORMS, type AccessLevel, type AssetType, type IloRegion, type SourcePlatform } from '#ikm/contracts';
import { IsoDate, LanguageMap, LanguageTag, NestedObject, NestedObjectArray, NoNulCharacters, Omittable, trimmed } from '#ikm/http';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { ForesightMetadataDto } from '../../foresight/dto/foresight-metadata.dto.js';
import { CountryCode, Orcid, PersistentIdentifierValue, SpdxLicence } from '../metadata/metadata.validators.js';
import { CHECKSUM, MEDIA_TYPE } from '../metadata/standards.js';

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class CreatorDto {
  @ApiProperty({ maxLength: 300, example: 'Ana García' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 300)
  @NoNulCharacters()
  name: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '0000-0002-1825-0097', description: 'ORCID iD, checksum verified.' })
  @IsOptional()
  @Orcid()
  orcid: string | null = null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Subject of a staff member: creators with one own the drafts.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @NoNulCharacters()
  staffId: string | null = null;
}

export class SourceReferenceDto {
  @ApiProperty({ enum: SOURCE_PLATFORMS })
  @IsIn(SOURCE_PLATFORMS)
  platform: SourcePlatform;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 300, description: 'The record’s identifier on that platform.' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  @NoNulCharacters()
  identifier: string | null = null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uri', maxLength: 2000 })
  @IsOptional()
  @IsUrl(HTTP_URL)
  @Length(1, 2000)
  url: string | null = null;
}

export class PersistentIdentifierDto {
  @ApiProperty({ enum: PERSISTENT_IDENTIFIER_SCHEMES })
  @IsIn(PERSISTENT_IDENTIFIER_SCHEMES)
  scheme: 'doi' | 'handle';

  @ApiProperty({ example: '10.1234/ilo.2026.5', description: 'A DOI (10.<registrant>/<suffix>) or a Handle (<prefix>/<suffix>).' })
  @PersistentIdentifierValue()
  value: string;
}

export class FileLinkDto {
  @ApiProperty({ format: 'uri', maxLength: 2000, example: 'https://www.ilo.org/media/1234/download' })
  @IsUrl(HTTP_URL)
  @Length(1, 2000)
  url: string;

  @ApiProperty({ example: 'application/pdf' })
  @IsString()
  @Matches(MEDIA_TYPE, { message: '$property must be a media type such as application/pdf' })
  mediaType: string;

  @ApiPropertyOptional({ nullable: true, type: 'integer', minimum: 0, description: 'Bytes.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  size: number | null = null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  @IsOptional()
  @Matches(CHECKSUM, { message: '$property must be sha256:<64 hex>, sha512:<128 hex> or md5:<32 hex>' })
  checksum: string | null = null;
}

/** Every field an owner writes (the foresight types' own beside the rest); status, owners, versions and timestamps are the server's. */
export class AssetMetadataDto extends ForesightMetadataDto {
  @ApiProperty({ enum: ASSET_TYPES })
  @IsIn(ASSET_TYPES)
  type: AssetType;

  @LanguageMap({
    maxLength: 500,
    required: true,
    example: { en: 'Social dialogue in the platform economy', fr: 'Le dialogue social dans l’économie de plateforme' },
    description: 'By BCP 47 language tag, each language at most once; at least one.',
  })
  title: Record<string, string>;

  // No initializers on optional fields: PartialType copies initializers, and an edit would reset them.
  @IsOptional()
  @LanguageMap({ maxLength: 20_000, nullable: true, example: { en: 'What the study found.' }, description: 'By BCP 47 language tag, each language at most once; null clears it.' })
  abstract?: Record<string, string> | null;

  @Omittable()
  @LanguageMap({ maxLength: 100, maxItemsPerLanguage: 50, example: { en: ['social dialogue'] }, description: 'Keywords by BCP 47 language tag, each language at most once.' })
  keywords?: Record<string, string[]>;

  @ApiPropertyOptional({ type: [CreatorDto], maxItems: 100 })
  @Omittable()
  @ArrayMaxSize(100)
  @NestedObjectArray(() => CreatorDto)
  creators?: CreatorDto[];

  @ApiProperty({ maxLength: 100, example: 'DIALOGUE', description: 'The unit that publishes it; its km_officer owns and publishes the asset.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  @NoNulCharacters()
  publishingUnit: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, example: '2026-03-15' })
  @IsOptional()
  @IsoDate()
  dateIssued?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: 30, example: ['en', 'fr'], description: 'BCP 47 tags of the languages of its content.' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(30)
  @LanguageTag({ each: true })
  @ArrayUnique()
  languages?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 50, description: 'Taxonomy concept ids.' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  subjects?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 250, example: ['KE', 'TZ'], description: 'ISO 3166-1 alpha-2 codes.' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(250)
  @ArrayUnique()
  @CountryCode({ each: true })
  countries?: string[];

  @ApiPropertyOptional({ enum: ILO_REGIONS, isArray: true })
  @Omittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(ILO_REGIONS, { each: true })
  regions?: IloRegion[];

  @ApiPropertyOptional({ type: SourceReferenceDto, nullable: true })
  @IsOptional()
  @NestedObject(() => SourceReferenceDto)
  source?: SourceReferenceDto | null;

  @ApiPropertyOptional({ type: PersistentIdentifierDto, nullable: true })
  @IsOptional()
  @NestedObject(() => PersistentIdentifierDto)
  persistentIdentifier?: PersistentIdentifierDto | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'CC-BY-4.0', description: 'An SPDX licence identifier.' })
  @IsOptional()
  @SpdxLicence()
  licence?: string | null;

  @ApiPropertyOptional({ enum: ACCESS_LEVELS, description: 'Default internal: staff only.' })
  @Omittable()
  @IsIn(ACCESS_LEVELS)
  accessLevel?: AccessLevel;

  @ApiPropertyOptional({ type: [String], maxItems: 50, description: 'Units whose staff read it when restricted.' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  @NoNulCharacters({ each: true })
  restrictedToUnits?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 50, description: 'Communities whose members read it when restricted.' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  restrictedToCommunities?: string[];

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'Hidden from all but its owners, its unit’s km_officers and ikmu_admins until this date.' })
  @IsOptional()
  @IsoDate()
  embargoUntil?: string | null;

  @ApiPropertyOptional({ type: [FileLinkDto], maxItems: 50, description: 'Files held elsewhere.' })
  @Omittable()
  @ArrayMaxSize(50)
  @NestedObjectArray(() => FileLinkDto)
  files?: FileLinkDto[];
}

/** A published version's access settings: who reads it, from when. */
export class AssetAccessDto {
  @ApiProperty({ enum: ACCESS_LEVELS })
  @IsIn(ACCESS_LEVELS)
  accessLevel: AccessLevel;

  @ApiPropertyOptional({ type: [String], maxItems: 50 })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  @NoNulCharacters({ each: true })
  restrictedToUnits?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 50 })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  restrictedToCommunities?: string[];

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsoDate()
  embargoUntil?: string | null;
}
