import { IsNumber, IsOptional, IsString } from 'class-validator';
import type { FieldError } from './problem-details.js';
import { NestedObject, NestedObjectArray, Omittable, PatchType } from './shape.validators.js';
import { createValidationPipe, InvalidRequestException } from './validation.js';

class Part {
  @IsString() name: string;
}

class Whole {
  @IsString() title: string;
  @Omittable() @IsString({ each: true }) tags?: string[];
  @IsOptional() @NestedObject(() => Part) part?: Part | null;
  @Omittable() @NestedObjectArray(() => Part) parts?: Part[];
  @IsOptional() @IsNumber() note?: number | null;
}

class WholePatch extends PatchType(Whole) {}

async function refusedFields(metatype: new () => object, body: object): Promise<string[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype });
    return [];
  } catch (error) {
    if (error instanceof InvalidRequestException) return [...new Set(error.fieldErrors.map((fieldError: FieldError) => fieldError.field))];
    throw error;
  }
}

describe('shape validators', () => {
  it('accept a well-formed body, with or without the fields that may be left out', async () => {
    expect(await refusedFields(Whole, { title: 't', tags: ['a'], part: { name: 'p' }, parts: [{ name: 'q' }], note: null })).toEqual([]);
    expect(await refusedFields(Whole, { title: 't', part: null })).toEqual([]);
  });

  it.each([
    ['null for a field that may only be left out', { title: 't', tags: null }, ['tags']],
    ['an array where an object is expected', { title: 't', part: [] }, ['part']],
    ['an array of objects where an object is expected', { title: 't', part: [{ name: 'p' }] }, ['part']],
    ['a string where an object is expected', { title: 't', part: 'p' }, ['part']],
    ['an object where an array is expected', { title: 't', parts: { name: 'q' } }, ['parts']],
    ['arrays inside an array of objects', { title: 't', parts: [[]] }, ['parts']],
    ['scalars inside an array of objects', { title: 't', parts: [1] }, ['parts', 'parts.0']],
    ['a bad field inside a nested object', { title: 't', parts: [{ name: 1 }] }, ['parts.0.name']],
  ])('refuse %s, naming the field', async (_, body, fields) => {
    expect(await refusedFields(Whole, body)).toEqual(fields);
  });
});

describe('PatchType', () => {
  it('lets every field be left out', async () => {
    expect(await refusedFields(WholePatch, {})).toEqual([]);
  });

  it('refuses null for a field that has no null value, naming it', async () => {
    expect(await refusedFields(WholePatch, { title: null })).toEqual(['title']);
    expect(await refusedFields(WholePatch, { tags: null, parts: null })).toEqual(['tags', 'parts']);
  });

  it('still takes null where the full type does, to clear the field', async () => {
    expect(await refusedFields(WholePatch, { part: null, note: null })).toEqual([]);
  });
});
