import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** An ISO 639 language (two or three letters) first: 5-8 letter language subtags are reserved, never assigned. */
const LANGUAGE_FIRST = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;
/** RFC 5646 advises room for 35 characters; longer is no language tag anyone means. */
const MAX_TAG_LENGTH = 35;
const MAX_LANGUAGES = 50;

// Node's full ICU (CLDR) names every language it knows; `fallback: 'none'` answers undefined otherwise.
const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * A BCP 47 tag in its canonical form (`EN-gb` -> `en-GB`, `eng` -> `en`, deprecated `iw` -> `he`), or
 * null when the tag is not well formed or its language is one no CLDR locale names (`xx`, `zz`, `und`).
 * The platform's JavaScript runtime implements BCP 47 (Intl): `getCanonicalLocales` checks the syntax
 * and canonicalises (RFC 5646 / UTS 35) but does not know which subtags are assigned, hence the
 * language check against ICU's names. No table is kept here.
 */
export function canonicalLanguageTag(tag: unknown): string | null {
  if (typeof tag !== 'string' || tag.length > MAX_TAG_LENGTH || !LANGUAGE_FIRST.test(tag)) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    const language = new Intl.Locale(canonical!).language;
    return language !== 'und' && LANGUAGE_NAMES.of(language) ? canonical! : null;
  } catch {
    // Not well formed (`en--US`, a repeated variant), or a language ICU will not name.
    return null;
  }
}

/** The tag as the client sent it, shortened: a message never echoes a long key back whole. */
const shown = (tag: string): string => (tag.length > 40 ? `${tag.slice(0, 40)}…` : tag);

export interface LanguageMapOptions {
  /** Longest text, in characters (after trimming). */
  maxLength: number;
  /** A map with no language at all is refused (e.g. a concept's preferred labels, an asset's title). */
  required?: boolean;
  /** Each language holds a list of 1 to this many distinct texts, instead of one text. */
  maxItemsPerLanguage?: number;
  /** Documented as nullable: the DTO pairs it with `@IsOptional()` so that null clears the field. */
  nullable?: boolean;
  example?: Record<string, unknown>;
  description?: string;
}

function textProblem(text: unknown, maxLength: number): string | null {
  if (typeof text !== 'string') return 'must be a string';
  const value = text.trim();
  if (value.length === 0) return 'must not be empty';
  if (value.length > maxLength) return `must be at most ${maxLength} characters`;
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  return null;
}

function textsProblem(texts: unknown, options: LanguageMapOptions & { maxItemsPerLanguage: number }): string | null {
  if (!Array.isArray(texts)) return 'must be an array of strings';
  if (texts.length === 0) return 'must have at least one text (leave the language out instead)';
  if (texts.length > options.maxItemsPerLanguage) return `must have at most ${options.maxItemsPerLanguage} texts`;
  for (const text of texts) {
    const problem = textProblem(text, options.maxLength);
    if (problem) return problem.replace('must', 'texts must');
  }
  const distinct = new Set(texts.map((text: string) => text.trim()));
  return distinct.size === texts.length ? null : 'must not repeat a text';
}

/** Why a value is not a map from BCP 47 tags to texts as `options` describe, or null when it is one. */
export function languageMapProblem(value: unknown, options: LanguageMapOptions): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object keyed by BCP 47 language tags, e.g. {"en": "..."}';
  const entries = Object.entries(value);
  if (options.required && entries.length === 0) return 'must have at least one language';
  if (entries.length > MAX_LANGUAGES) return `must have at most ${MAX_LANGUAGES} languages`;
  const seen = new Map<string, string>();
  for (const [tag, texts] of entries) {
    const canonical = canonicalLanguageTag(tag);
    if (canonical === null) return `has "${shown(tag)}", which is not a BCP 47 language tag of a known language (e.g. en, fr, es-419)`;
    // JSON keys differ by case where language tags do not: "en" and "EN" would be two values for one language.
    const earlier = seen.get(canonical);
    if (earlier !== undefined) return `has "${earlier}" and "${tag}", the same language twice`;
    seen.set(canonical, tag);
    const { maxItemsPerLanguage } = options;
    const problem = maxItemsPerLanguage === undefined ? textProblem(texts, options.maxLength) : textsProblem(texts, { ...options, maxItemsPerLanguage });
    if (problem) return `${tag} ${problem}`;
  }
  return null;
}

/** The map with canonical tags and trimmed texts; only called on a value `languageMapProblem` accepts. */
function canonicalLanguageMap(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([tag, texts]) => [
      canonicalLanguageTag(tag),
      Array.isArray(texts) ? texts.map((text: string) => text.trim()) : (texts as string).trim(),
    ]),
  );
}

/**
 * A text in many languages, `{"en": "Forced labour", "fr": "Travail forcé"}` (or, with
 * `maxItemsPerLanguage`, several texts per language): keys are BCP 47 tags of known languages, stored
 * in canonical case, each language at most once; anything else is a 400 naming the field and the key at
 * fault. Documents the map in OpenAPI.
 */
export function LanguageMap(options: LanguageMapOptions): PropertyDecorator {
  const text = { type: 'string', minLength: 1, maxLength: options.maxLength };
  const common = {
    minProperties: options.required ? 1 : 0,
    maxProperties: MAX_LANGUAGES,
    description: options.description ?? 'Keyed by BCP 47 language tag, each language at most once.',
    example: options.example,
    selfRequired: options.required ?? false,
    ...(options.nullable ? { nullable: true } : {}),
  };
  const documented =
    options.maxItemsPerLanguage === undefined
      ? ApiProperty({ ...common, type: 'object', additionalProperties: text })
      : ApiProperty({
          ...common,
          type: 'object',
          additionalProperties: { type: 'array', items: text, minItems: 1, maxItems: options.maxItemsPerLanguage, uniqueItems: true },
        });
  return applyDecorators(
    documented,
    // Runs before validation, and converts only a valid map: the validator still sees what it refuses.
    Transform(({ value }: { value: unknown }) =>
      languageMapProblem(value, options) === null ? canonicalLanguageMap(value as Record<string, unknown>) : value,
    ),
    ValidateBy({
      name: 'languageMap',
      validator: {
        validate: (value: unknown) => languageMapProblem(value, options) === null,
        defaultMessage: (args) => `${args?.property} ${languageMapProblem(args?.value, options) ?? 'must be an object keyed by BCP 47 language tags'}`,
      },
    }),
  );
}

/**
 * A BCP 47 language tag of a known language, made canonical (`EN-gb` -> `en-GB`); a list of them with
 * `{ each: true }`. Documentation stays with the field's own `@ApiProperty`.
 */
export function LanguageTag(options: ValidationOptions = {}): PropertyDecorator {
  const canonical = (value: unknown) => canonicalLanguageTag(value) ?? value;
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (options.each && Array.isArray(value) ? value.map(canonical) : canonical(value))),
    ValidateBy(
      {
        name: 'languageTag',
        validator: {
          validate: (value: unknown) => canonicalLanguageTag(value) !== null,
          defaultMessage: (args) => `${args?.property} must be BCP 47 language tags of known languages, e.g. en, fr-CA`,
        },
      },
      options,
    ),
  );
}
