import { IsOptional } from 'class-validator';
import { canonicalLanguageTag, LanguageMap, languageMapProblem, LanguageTag } from './language.validators.js';
import type { FieldError } from './problem-details.js';
import { createValidationPipe, InvalidRequestException } from './validation.js';

class Described {
  @LanguageMap({ maxLength: 20, required: true }) title: Record<string, string>;
  @IsOptional() @LanguageMap({ maxLength: 20, nullable: true }) abstract?: Record<string, string> | null;
  @IsOptional() @LanguageMap({ maxLength: 10, maxItemsPerLanguage: 2 }) keywords?: Record<string, string[]>;
  @IsOptional() @LanguageTag({ each: true }) languages?: string[];
  @IsOptional() @LanguageTag() language?: string;
}

/** Runs a body through the pipe every service uses; returns the DTO or the refused fields. */
async function validated(body: object): Promise<Described | FieldError[]> {
  try {
    return (await createValidationPipe().transform(body, { type: 'body', metatype: Described })) as Described;
  } catch (error) {
    if (error instanceof InvalidRequestException) return error.fieldErrors;
    throw error;
  }
}

describe('canonicalLanguageTag', () => {
  it.each([
    ['en', 'en'],
    ['EN-us', 'en-US'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['es-419', 'es-419'],
    ['sw', 'sw'],
    ['eng', 'en'],
    ['iw', 'he'],
  ])('takes %s as %s', (tag, canonical) => {
    expect(canonicalLanguageTag(tag)).toBe(canonical);
  });

  it.each(['', 'english', 'en_US', 'xx', 'zz-ZZ', 'und', 'en--US', '12', `en-${'a'.repeat(33)}`, 42, null])('refuses %p: malformed, or a language ICU does not name', (tag) => {
    expect(canonicalLanguageTag(tag)).toBeNull();
  });
});

describe('languageMapProblem', () => {
  const text = { maxLength: 5 };
  const texts = { maxLength: 5, maxItemsPerLanguage: 2 };

  it('accepts a text, or a list of texts, per known language', () => {
    expect(languageMapProblem({ en: 'Jobs', 'fr-CA': 'Emploi' }, { maxLength: 10, required: true })).toBeNull();
    expect(languageMapProblem({ en: ['OSH', 'SST'] }, texts)).toBeNull();
    expect(languageMapProblem({}, text)).toBeNull();
  });

  it.each([
    ['no object', ['en'], text, /must be an object keyed by BCP 47/],
    ['no language when one is required', {}, { ...text, required: true }, /at least one language/],
    ['the same language twice', { en: 'a', EN: 'b' }, text, /"en" and "EN", the same language twice/],
    ['a tag of no known language', { xx: 'a' }, text, /"xx", which is not a BCP 47 language tag of a known language/],
    ['a key that is no tag, shortened', { ['x'.repeat(100)]: 'a' }, text, /^has "x{40}…"/],
    ['an empty text', { en: '  ' }, text, /en must not be empty/],
    ['a text too long', { en: 'abcdef' }, text, /en must be at most 5 characters/],
    ['a NUL character', { en: 'a\u0000' }, text, /NUL/],
    ['a list where one text is expected', { en: ['a'] }, text, /en must be a string/],
    ['a text where a list is expected', { en: 'a' }, texts, /en must be an array of strings/],
    ['an empty list', { en: [] }, texts, /en must have at least one text/],
    ['too many texts', { en: ['a', 'b', 'c'] }, texts, /en must have at most 2 texts/],
    ['an empty text in a list', { en: [' '] }, texts, /en texts must not be empty/],
    ['a repeated text', { en: ['a', 'a '] }, texts, /en must not repeat a text/],
  ])('refuses %s', (_, value, options, reason) => {
    expect(languageMapProblem(value, options)).toMatch(reason);
  });

  it('refuses more than 50 languages', () => {
    const many = Object.fromEntries(['aa', 'ab', 'af', 'ak', 'am', 'an', 'ar', 'as', 'av', 'ay', 'az', 'ba', 'be', 'bg', 'bi', 'bm', 'bn', 'bo', 'br', 'bs', 'ca', 'ce', 'ch', 'co', 'cr', 'cs', 'cu', 'cv', 'cy', 'da', 'de', 'dv', 'dz', 'ee', 'el', 'en', 'eo', 'es', 'et', 'eu', 'fa', 'ff', 'fi', 'fj', 'fo', 'fr', 'fy', 'ga', 'gd', 'gl', 'gn'].map((tag) => [tag, 'a']));
    expect(languageMapProblem(many, text)).toMatch(/at most 50 languages/);
  });
});

describe('a body with language maps and tags', () => {
  it('stores canonical tags and trimmed texts', async () => {
    const body = await validated({ title: { 'EN-gb': ' Forced labour ', es: 'Trabajo' }, keywords: { FR: [' travail '] }, languages: ['EN-gb', 'eng'], language: 'FR-ca' });
    expect(body).toMatchObject({ title: { 'en-GB': 'Forced labour', es: 'Trabajo' }, keywords: { fr: ['travail'] }, languages: ['en-GB', 'en'], language: 'fr-CA' });
  });

  it('lets null clear an optional map', async () => {
    expect(await validated({ title: { en: 'x' }, abstract: null })).toMatchObject({ abstract: null });
  });

  it.each([
    [{ title: {} }, 'title', /title must have at least one language/],
    [{ title: { en: 'x', EN: 'y' } }, 'title', /the same language twice/],
    [{ title: { zz: 'x' } }, 'title', /not a BCP 47 language tag of a known language/],
    [{ title: 'x' }, 'title', /must be an object/],
    [{ title: { en: 'x' }, keywords: { en: 'a' } }, 'keywords', /en must be an array/],
    [{ title: { en: 'x' }, languages: ['en', 'klingon'] }, 'languages', /known languages/],
    [{ title: { en: 'x' }, language: 'und' }, 'language', /known languages/],
  ])('refuses %p, naming %s', async (body, field, reason) => {
    expect(await validated(body)).toEqual(expect.arrayContaining([expect.objectContaining({ field, reason: expect.stringMatching(reason) })]));
  });
});
