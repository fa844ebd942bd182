import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FORESIGHT_DRIVER_CATEGORIES, FORESIGHT_HORIZON_YEARS, FORESIGHT_SCALE, type ForesightDriverCategory } from '#ikm/contracts';
import { LanguageMap, NestedObject, NestedObjectArray, NoNulCharacters, trimmed } from '#ikm/http';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, isURL, Length, Max, Min, ValidateBy, type ValidationArguments } from 'class-validator';

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export const LIKELIHOOD_DESCRIPTION = 'How likely the change is within its horizon, 1-5: 1 rare (<10 %), 2 unlikely (10-35 %), 3 possible (35-65 %), 4 likely (65-90 %), 5 almost certain (>90 %).';
export const IMPACT_DESCRIPTION = 'How much it would change the world of work, 1-5: 1 negligible, 2 minor, 3 moderate, 4 major, 5 transformative.';

/** A point of the likelihood and impact scales (1-5). */
export function OnTheScale(): PropertyDecorator {
  return applyDecorators(IsInt(), Min(FORESIGHT_SCALE.min), Max(FORESIGHT_SCALE.max));
}

/** A year a horizon may hold (2000-2100). */
export function HorizonYear(): PropertyDecorator {
  return applyDecorators(IsInt(), Min(FORESIGHT_HORIZON_YEARS.min), Max(FORESIGHT_HORIZON_YEARS.max));
}

export class DriverDto {
  @ApiProperty({ enum: FORESIGHT_DRIVER_CATEGORIES, description: 'STEEPLED: the STEEP categories plus legal, ethical and demographic.' })
  @IsIn(FORESIGHT_DRIVER_CATEGORIES)
  category: ForesightDriverCategory;

  @IsOptional()
  @LanguageMap({ maxLength: 500, nullable: true, example: { en: 'Algorithmic management spreads to office work' }, description: 'The force in words, by BCP 47 language tag.' })
  description: Record<string, string> | null = null;
}

/** The later year is checked against the earlier one, so a reversed horizon is named at `horizon.to`. */
function NotBefore(sibling: 'from', options = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notBefore',
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const earlier = (args?.object as Record<string, unknown>)[sibling];
          return typeof value !== 'number' || typeof earlier !== 'number' || value >= earlier;
        },
        defaultMessage: (args) => `${args?.property} must not be before ${sibling}`,
      },
    },
    options,
  );
}

export class HorizonDto {
  @ApiProperty({ type: 'integer', minimum: FORESIGHT_HORIZON_YEARS.min, maximum: FORESIGHT_HORIZON_YEARS.max, example: 2030, description: 'First year of the window.' })
  @HorizonYear()
  from: number;

  @ApiProperty({ type: 'integer', minimum: FORESIGHT_HORIZON_YEARS.min, maximum: FORESIGHT_HORIZON_YEARS.max, example: 2035, description: 'Last year of the window (not before `from`).' })
  @HorizonYear()
  @NotBefore('from')
  to: number;
}

/** A source is a URL or an asset, never both nor neither: checked on `url`, the field a client fills first. */
function UrlOrAsset(): PropertyDecorator {
  return ValidateBy({
    name: 'urlOrAsset',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const assetId = (args?.object as { assetId?: unknown }).assetId;
        const asset = assetId !== null && assetId !== undefined;
        if (value === null || value === undefined) return asset;
        return !asset && typeof value === 'string' && value.length <= 2000 && isURL(value, HTTP_URL);
      },
      defaultMessage: (args) => {
        const asset = ![null, undefined].includes((args?.object as { assetId?: null }).assetId);
        if (args?.value === null || args?.value === undefined) return 'a source needs a url or an assetId';
        return asset ? 'give a url or an assetId, not both' : 'url must be an http(s) URL of at most 2000 characters';
      },
    },
  });
}

export class ForesightSourceDto {
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uri', maxLength: 2000, description: 'Where the evidence is; or give `assetId`.' })
  @UrlOrAsset()
  url: string | null = null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'Another asset as evidence (one you may see); or give `url`.' })
  @IsOptional()
  @IsUUID()
  assetId: string | null = null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 1000, example: 'Survey of 40 platforms, 2026.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 1000)
  @NoNulCharacters()
  note: string | null = null;
}

/**
 * The fields of the foresight types, which the asset body carries beside its other metadata (no
 * initializers: a PATCH would reset them). A signal: drivers, horizon, likelihood, impact, sources; a
 * scenario: narrative, horizon, signals, sources. Any of them on another type is refused (400 naming it).
 */
export class ForesightMetadataDto {
  @ApiPropertyOptional({ type: [DriverDto], maxItems: 20, description: 'foresight_signal: the forces behind it.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @NestedObjectArray(() => DriverDto)
  drivers?: DriverDto[] | null;

  @ApiPropertyOptional({ type: HorizonDto, nullable: true, description: 'foresight_signal and foresight_scenario: the years within which the change is expected to become significant.' })
  @IsOptional()
  @NestedObject(() => HorizonDto)
  horizon?: HorizonDto | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: FORESIGHT_SCALE.min, maximum: FORESIGHT_SCALE.max, description: `foresight_signal. ${LIKELIHOOD_DESCRIPTION}` })
  @IsOptional()
  @OnTheScale()
  likelihood?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: FORESIGHT_SCALE.min, maximum: FORESIGHT_SCALE.max, description: `foresight_signal. ${IMPACT_DESCRIPTION}` })
  @IsOptional()
  @OnTheScale()
  impact?: number | null;

  @ApiPropertyOptional({ type: [ForesightSourceDto], maxItems: 50, description: 'foresight_signal and foresight_scenario: the evidence.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @NestedObjectArray(() => ForesightSourceDto)
  sources?: ForesightSourceDto[] | null;

  @IsOptional()
  @LanguageMap({ maxLength: 20_000, nullable: true, example: { en: 'By 2035 most jobs are matched by algorithms…' }, description: 'foresight_scenario: its story, by BCP 47 language tag.' })
  narrative?: Record<string, string> | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 100, description: 'foresight_scenario: asset ids of the foresight signals it groups (ones you may see).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  signals?: string[] | null;
}
