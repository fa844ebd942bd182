import { decimalPlaces, FitsInteger, FitsNumeric, integerProblem, numericProblem } from './number.validators.js';
import type { FieldError } from './problem-details.js';
import { createValidationPipe, InvalidRequestException } from './validation.js';

class Amounts {
  @FitsNumeric(14, 2, { min: 0 }) budgetUsd: number;
  @FitsInteger({ min: 0 }) people: number;
}

async function refusedFields(body: object): Promise<FieldError[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: Amounts });
    return [];
  } catch (error) {
    if (error instanceof InvalidRequestException) return error.fieldErrors;
    throw error;
  }
}

describe('decimalPlaces', () => {
  it.each([
    [0, 0],
    [12, 0],
    [0.1, 1],
    [12.34, 2],
    [-0.25, 2],
    [1e-7, 7],
    [1.5e-7, 8],
    [1e21, 0],
    [0.1 + 0.2, 17],
  ])('of %d is %d', (value, places) => {
    expect(decimalPlaces(value)).toBe(places);
  });
});

describe('numericProblem, for numeric(14, 2) and at least 0', () => {
  it.each([0, 0.29, 12.34, 999_999_999_999.99])('accepts %d', (value) => {
    expect(numericProblem(value, 14, 2, { min: 0 })).toBeNull();
  });

  it.each([
    [1e12, 'must be between 0 and 999999999999.99'],
    [1e308, 'must be between 0 and 999999999999.99'],
    [-0.01, 'must be between 0 and 999999999999.99'],
    [1e-7, 'must have at most 2 decimal places'],
    [0.125, 'must have at most 2 decimal places'],
    [Number.NaN, 'must be a number'],
    [Number.POSITIVE_INFINITY, 'must be a number'],
    ['5', 'must be a number'],
    [null, 'must be a number'],
  ])('refuses %j: %s', (value, reason) => {
    expect(numericProblem(value, 14, 2, { min: 0 })).toBe(reason);
  });

  it('narrows the column to a tighter domain maximum, and speaks of whole numbers at scale 0', () => {
    expect(numericProblem(2e9, 12, 2, { max: 1e9 })).toBe('must be between -9999999999.99 and 1000000000');
    expect(numericProblem(1.5, 5, 0)).toBe('must be a whole number');
  });
});

describe('integerProblem', () => {
  it.each([0, 1, 2_147_483_647])('accepts %d', (value) => {
    expect(integerProblem(value, { min: 0 })).toBeNull();
  });

  it.each([
    [2_147_483_648, 'must be between 0 and 2147483647'],
    [-1, 'must be between 0 and 2147483647'],
    [1.5, 'must be a whole number'],
    [1e308, 'must be between 0 and 2147483647'],
    ['1', 'must be a whole number'],
  ])('refuses %j: %s', (value, reason) => {
    expect(integerProblem(value, { min: 0 })).toBe(reason);
  });
});

describe('@FitsNumeric and @FitsInteger', () => {
  it('accept what the columns hold', async () => {
    expect(await refusedFields({ budgetUsd: 15_000.5, people: 2_147_483_647 })).toEqual([]);
  });

  it('refuse what they cannot hold with a 400 naming the field, instead of crashing on 1e-7', async () => {
    expect(await refusedFields({ budgetUsd: 1e12, people: 2_147_483_648 })).toEqual([
      { field: 'budgetUsd', reason: 'budgetUsd must be between 0 and 999999999999.99' },
      { field: 'people', reason: 'people must be between 0 and 2147483647' },
    ]);
    expect(await refusedFields({ budgetUsd: 1e-7, people: 1 })).toEqual([{ field: 'budgetUsd', reason: 'budgetUsd must have at most 2 decimal places' }]);
  });
});
