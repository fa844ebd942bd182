import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_LEVELS, SOURCE_PLATFORMS, type AccessLevel, type SourcePlatform } from '#ikm/contracts';
import { NoNulCharacters, Omittable, PatchType, trimmed } from '#ikm/http';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUrl, Length, Matches } from 'class-validator';
import { HARVEST_METADATA_PREFIXES, type HarvestSource } from '../harvest-source.js';

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class CreateHarvestSourceDto {
  @ApiProperty({ maxLength: 100, example: 'ILO DSpace', description: 'Unique (whatever its case): `npm run harvest -- <name>` finds the source by it.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  @NoNulCharacters()
  name: string;

  @ApiProperty({ format: 'uri', maxLength: 2000, example: 'https://repository.example/oai/request', description: 'The repository’s OAI-PMH base URL (no query).' })
  @IsUrl(HTTP_URL)
  @Matches(/^[^?#]*$/, { message: 'baseUrl must have no query or fragment: the harvester adds the OAI-PMH arguments' })
  @Length(1, 2000)
  baseUrl: string;

  @ApiPropertyOptional({ enum: HARVEST_METADATA_PREFIXES, default: 'oai_dc' })
  @Omittable()
  @IsIn(HARVEST_METADATA_PREFIXES)
  metadataPrefix?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 300, example: 'col_20.500.12345_2', description: 'An OAI-PMH setSpec: harvest only this set.' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  @Matches(/^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/, { message: 'set must be an OAI-PMH setSpec (unreserved characters, levels separated by colons)' })
  set?: string | null;

  @ApiProperty({ enum: SOURCE_PLATFORMS, description: 'The platform its records are filed under (`source.platform` of the assets).' })
  @IsIn(SOURCE_PLATFORMS)
  platform: SourcePlatform;

  @ApiPropertyOptional({ enum: ACCESS_LEVELS, default: 'internal', description: 'For records whose dc:rights say no access level.' })
  @Omittable()
  @IsIn(ACCESS_LEVELS)
  accessLevel?: AccessLevel;

  @ApiProperty({ maxLength: 100, example: 'RESEARCH', description: 'The unit its assets are published under: a km_officer’s own unit.' })
  @IsString()
  @Length(1, 100)
  @NoNulCharacters()
  publishingUnit: string;
}

export class UpdateHarvestSourceDto extends PatchType(CreateHarvestSourceDto) {}

export class HarvestSourceResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uri' }) baseUrl: string;
  @ApiProperty() metadataPrefix: string;
  @ApiProperty({ nullable: true, type: String }) set: string | null;
  @ApiProperty({ enum: SOURCE_PLATFORMS }) platform: SourcePlatform;
  @ApiProperty({ enum: ACCESS_LEVELS }) accessLevel: AccessLevel;
  @ApiProperty() publishingUnit: string;
  @ApiProperty({ nullable: true, type: String, description: 'The latest datestamp the last completed harvest reached: the next harvest asks `from` it.' })
  lastDatestamp: string | null;
  @ApiProperty({ type: 'integer', description: 'Send it back in If-Match (as the ETag) to change safely.' }) version: number;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static of(source: HarvestSource): HarvestSourceResponse {
    return {
      id: source.id,
      name: source.name,
      baseUrl: source.baseUrl,
      metadataPrefix: source.metadataPrefix,
      set: source.set,
      platform: source.platform,
      accessLevel: source.accessLevel,
      publishingUnit: source.publishingUnit,
      lastDatestamp: source.lastDatestamp,
      version: source.version,
      createdBy: source.createdBy,
      createdAt: source.createdAt.toISOString(),
      updatedAt: source.updatedAt.toISOString(),
    };
  }
}

export class HarvestSourceListResponse {
  @ApiProperty({ type: [HarvestSourceResponse] }) items: HarvestSourceResponse[];
}
