import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { canonicalLanguageTag, isCountryCode, isOrcid, isSpdxLicence, PERSISTENT_IDENTIFIER_PATTERNS } from './standards.js';

const MAX_LANGUAGES = 30;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Keys rewritten to their canonical BCP 47 form (`EN` -> `en`) when every key is a language tag and no
 * two name the same language; otherwise the object is left for the validator to refuse and explain.
 */
function canonicalKeys({ value }: { value: unknown }): unknown {
  if (!isPlainObject(value)) return value;
  const entries = Object.entries(value).map(([tag, text]) => [canonicalLanguageTag(tag), text] as const);
  if (entries.some(([tag]) => tag === undefined) || new Set(entries.map(([tag]) => tag)).size !== entries.length) return value;
  return Object.fromEntries(entries);
}

/** Why a map of language tag -> value is refused, or null when it is fine. */
function languageMapProblem(value: unknown, checkValue: (text: unknown) => string | null, atLeastOne: boolean): string | null {
  if (!isPlainObject(value)) return 'must be an object keyed by BCP 47 language tag, e.g. {"en": "..."}';
  const tags = Object.keys(value);
  if (atLeastOne && tags.length === 0) return 'needs at least one language';
  if (tags.length > MAX_LANGUAGES) return `has more than ${MAX_LANGUAGES} languages`;
  for (const tag of tags) {
    const canonical = canonicalLanguageTag(tag);
    if (!canonical) return `has "${tag.slice(0, 40)}", which is not a BCP 47 language tag of a known language`;
    if (tags.some((other) => other !== tag && canonicalLanguageTag(other) === canonical)) return `names ${canonical} twice`;
    const problem = checkValue(value[tag]);
    if (problem) return `${tag}: ${problem}`;
  }
  return null;
}

function textProblem(text: unknown, maxLength: number): string | null {
  if (typeof text !== 'string' || text.trim().length === 0) return 'must be a non-empty string';
  if (text.length > maxLength) return `must be at most ${maxLength} characters`;
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  return null;
}

function languageMap(name: string, checkValue: (text: unknown) => string | null, atLeastOne: boolean, options: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Transform(canonicalKeys),
    ValidateBy(
      {
        name,
        validator: {
          validate: (value: unknown) => languageMapProblem(value, checkValue, atLeastOne) === null,
          defaultMessage: (args?: ValidationArguments) => `${args?.property} ${languageMapProblem(args?.value, checkValue, atLeastOne)}`,
        },
      },
      options,
    ),
  );
}

/** A text in one or more languages: `{"en": "...", "fr": "..."}`, keys BCP 47 tags (made canonical). */
export function MultilingualText(maxLength: number, options: ValidationOptions = {}): PropertyDecorator {
  return languageMap('multilingualText', (text) => textProblem(text, maxLength), true, options);
}

/** Keywords per language: `{"en": ["social dialogue"], "es": ["diálogo social"]}`. */
export function MultilingualKeywords(options: ValidationOptions = {}): PropertyDecorator {
  const keywordsProblem = (keywords: unknown): string | null => {
    if (!Array.isArray(keywords) || keywords.length === 0 || keywords.length > 50) return 'must be a list of 1 to 50 keywords';
    for (const keyword of keywords) {
      const problem = textProblem(keyword, 100);
      if (problem) return `each keyword ${problem}`;
    }
    return new Set(keywords).size === keywords.length ? null : 'must not repeat a keyword';
  };
  return languageMap('multilingualKeywords', keywordsProblem, false, options);
}

/** A BCP 47 language tag of a known language; made canonical (`EN-gb` -> `en-GB`). Use `{ each: true }` on lists. */
export function LanguageTag(options: ValidationOptions = {}): PropertyDecorator {
  const canonical = (value: unknown) => (typeof value === 'string' ? (canonicalLanguageTag(value) ?? value) : value);
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (options.each && Array.isArray(value) ? value.map(canonical) : canonical(value))),
    ValidateBy(
      {
        name: 'languageTag',
        validator: { validate: (value: unknown) => canonicalLanguageTag(value) !== undefined, defaultMessage: (args) => `${args?.property} must be BCP 47 language tags of known languages, e.g. en, fr-CA` },
      },
      options,
    ),
  );
}

export function CountryCode(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    { name: 'countryCode', validator: { validate: isCountryCode, defaultMessage: (args) => `${args?.property} must be ISO 3166-1 alpha-2 country codes, e.g. FR, KE` } },
    options,
  );
}

export function Orcid(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    { name: 'orcid', validator: { validate: isOrcid, defaultMessage: (args) => `${args?.property} must be an ORCID iD with a valid checksum, e.g. 0000-0002-1825-0097` } },
    options,
  );
}

export function SpdxLicence(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    { name: 'spdxLicence', validator: { validate: isSpdxLicence, defaultMessage: (args) => `${args?.property} must be an SPDX licence identifier, e.g. CC-BY-4.0` } },
    options,
  );
}

/** The `value` of a persistent identifier, checked against the syntax of its sibling `scheme`. */
export function PersistentIdentifierValue(options: ValidationOptions = {}): PropertyDecorator {
  const patternOf = (args?: ValidationArguments) => PERSISTENT_IDENTIFIER_PATTERNS[(args?.object as { scheme?: string }).scheme as 'doi' | 'handle'];
  return ValidateBy(
    {
      name: 'persistentIdentifier',
      validator: {
        validate: (value: unknown, args) => typeof value === 'string' && value.length <= 300 && (patternOf(args)?.test(value) ?? false),
        defaultMessage: (args) => `${args?.property} must be a ${(args?.object as { scheme?: string }).scheme === 'handle' ? 'Handle such as 20.500.12345/678' : 'DOI such as 10.1234/abc-5'}`,
      },
    },
    options,
  );
}
