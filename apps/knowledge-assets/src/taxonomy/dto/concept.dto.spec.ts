import { createValidationPipe, InvalidRequestException, type FieldError } from '#ikm/http';
import { CreateConceptDto, UpdateConceptDto } from './concept.dto.js';

async function validated(body: object, metatype: typeof CreateConceptDto | typeof UpdateConceptDto = CreateConceptDto): Promise<object | FieldError[]> {
  try {
    return (await createValidationPipe().transform(body, { type: 'body', metatype })) as object;
  } catch (error) {
    if (error instanceof InvalidRequestException) return error.fieldErrors;
    throw error;
  }
}

describe('a concept body', () => {
  it('takes labels keyed by BCP 47 tags, stored in canonical case and trimmed', async () => {
    const body = await validated({ prefLabel: { 'EN-gb': ' Forced labour ', es: 'Trabajo forzoso' }, altLabel: { fr: ['Travail obligatoire'] }, broader: [] });
    expect(body).toMatchObject({ prefLabel: { 'en-GB': 'Forced labour', es: 'Trabajo forzoso' }, altLabel: { fr: ['Travail obligatoire'] } });
  });

  it.each([
    ['no preferred label', {}, 'prefLabel', /prefLabel/],
    ['an empty preferred label map', { prefLabel: {} }, 'prefLabel', /at least one language/],
    ['two preferred labels for one language', { prefLabel: { en: 'Employment', EN: 'Jobs' } }, 'prefLabel', /"en" and "EN", the same language twice/],
    ['a key that is no language tag', { prefLabel: { en_US: 'Employment' } }, 'prefLabel', /"en_US", which is not a BCP 47 language tag/],
    ['an empty label', { prefLabel: { en: '   ' } }, 'prefLabel', /en must not be empty/],
    ['a list as a preferred label', { prefLabel: { en: ['Employment'] } }, 'prefLabel', /en must be a string/],
    ['alternative labels not in a list', { prefLabel: { en: 'Employment' }, altLabel: { en: 'Jobs' } }, 'altLabel', /en must be an array/],
    ['a repeated alternative label', { prefLabel: { en: 'Employment' }, altLabel: { en: ['Jobs', 'Jobs '] } }, 'altLabel', /must not repeat/],
    ['a broader id that is no UUID', { prefLabel: { en: 'Employment' }, broader: ['labour'] }, 'broader', /UUID/],
    ['a field the API does not have', { prefLabel: { en: 'Employment' }, narrower: [] }, 'narrower', /should not exist/],
  ])('refuses %s, naming the field', async (_, body, field, reason) => {
    const errors = (await validated(body)) as FieldError[];
    expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, reason: expect.stringMatching(reason) })]));
  });

  it('may leave anything out of a change, but not send null for it', async () => {
    expect(await validated({ broader: [] }, UpdateConceptDto)).toEqual({ broader: [] });
    expect(await validated({ prefLabel: null }, UpdateConceptDto)).toEqual([expect.objectContaining({ field: 'prefLabel' })]);
  });
});
