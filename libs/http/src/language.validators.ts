import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

/** An ISO 639 language (two or three letters) first: 5-8 letter language subtags are reserved, never assigned. */
const LANGUAGE_FIRST = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;
const MAX_LANGUAGES = 50;

/**
 * A BCP 47 tag in its canonical form (`EN-gb` -> `en-GB`, deprecated `iw` -> `he`), or null when the
 * tag is not well formed. The platform's JavaScript runtime implements BCP 47 (Intl), so no table is kept here.
 */
export function canonicalLanguageTag(tag: string): string | null {
  if (!LANGUAGE_FIRST.test(tag)) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

export interface LanguageMapOptions {
  /** Longest text, in characters. */
  maxLength: number;
  /** A map with no language at all is refused (e.g. a concept's preferred labels). */
  required?: boolean;
  /** Each language holds a list of distinct texts of at most this many, instead of one text. */
  maxItemsPerLanguage?: number;
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

/** Why a value is not a map from BCP 47 tags to texts as `options` describe, or null when it is one. */
export function languageMapProblem(value: unknown, options: LanguageMapOptions): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object keyed by BCP 47 language tags';
  const entries = Object.entries(value);
  if (options.required && entries.length === 0) return 'must have at least one language';
  if (entries.length > MAX_LANGUAGES) return `must have at most ${MAX_LANGUAGES} languages`;
  const seen = new Map<string, string>();
  for (const [tag, texts] of entries) {
    const canonical = canonicalLanguageTag(tag);
    if (canonical === null) return `has "${tag}", which is not a BCP 47 language tag (e.g. en, fr, es-419)`;
    // JSON keys differ by case where language tags do not: "en" and "EN" would be two values for one language.
    const earlier = seen.get(canonical);
    if (earlier !== undefined) return `has "${earlier}" and "${tag}", the same language twice`;
    seen.set(canonical, tag);
    if (options.maxItemsPerLanguage === undefined) {
      const problem = textProblem(texts, options.maxLength);
      if (problem) return `${tag} ${problem}`;
      continue;
    }
    if (!Array.isArray(texts)) return `${tag} must be an array of strings`;
    if (texts.length > options.maxItemsPerLanguage) return `${tag} must have at most ${options.maxItemsPerLanguage} texts`;
    for (const text of texts) {
      const problem = textProblem(text, options.maxLength);
      if (problem) return `${tag} ${problem.replace('must', 'texts must')}`;
    }
    const distinct = new Set(texts.map((text: string) => text.trim()));
    if (distinct.size !== texts.length) return `${tag} must not repeat a text`;
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
 * `maxItemsPerLanguage`, several texts per language): keys are BCP 47 tags, stored in canonical case,
 * each language at most once; anything else is a 400 naming the field and the key at fault.
 */
export function LanguageMap(options: LanguageMapOptions): PropertyDecorator {
  const text = { type: 'string', minLength: 1, maxLength: options.maxLength };
  const common = {
    minProperties: options.required ? 1 : 0,
    maxProperties: MAX_LANGUAGES,
    description: options.description ?? 'Keyed by BCP 47 language tag, each language at most once.',
    example: options.example,
    selfRequired: options.required ?? false,
  };
  const documented =
    options.maxItemsPerLanguage === undefined
      ? ApiProperty({ ...common, type: 'object', additionalProperties: text })
      : ApiProperty({ ...common, type: 'object', additionalProperties: { type: 'array', items: text, maxItems: options.maxItemsPerLanguage, uniqueItems: true } });
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
