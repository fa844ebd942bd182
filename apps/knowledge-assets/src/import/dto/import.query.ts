import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_LEVELS, SOURCE_PLATFORMS, type AccessLevel, type SourcePlatform } from '#ikm/contracts';
import { NoNulCharacters } from '#ikm/http';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

/** The defaults of an import: where its records come from, and what they get when they do not say. */
export class ImportQuery {
  @ApiProperty({ enum: SOURCE_PLATFORMS, description: 'The platform the records come from (a record may name its own).' })
  @IsIn(SOURCE_PLATFORMS)
  sourcePlatform: SourcePlatform;

  @ApiPropertyOptional({ enum: ACCESS_LEVELS, description: 'For records without accessLevel (else internal).' })
  @IsOptional()
  @IsIn(ACCESS_LEVELS)
  accessLevel?: AccessLevel;

  @ApiPropertyOptional({ maxLength: 100, description: 'For records without publishingUnit (a km_officer’s own unit if left out).' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @NoNulCharacters()
  publishingUnit?: string;
}
