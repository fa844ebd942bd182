import { ValidateBy, type ValidationOptions } from 'class-validator';

/** PostgreSQL `integer`. */
const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;

/**
 * Decimal places of a number as JSON wrote it: JavaScript prints the shortest form that reads back
 * as the same number, so 0.1 has one, 1e-7 seven and 1.5e-7 eight. (class-validator's
 * `maxDecimalPlaces` splits on the dot and throws on exponent forms such as 1e-7.)
 */
export function decimalPlaces(value: number): number {
  const [mantissa, exponent = '0'] = String(Math.abs(value)).split('e');
  const fractionDigits = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fractionDigits - Number(exponent));
}

export interface NumberBounds {
  min?: number;
  max?: number;
}

/** The values a `numeric(precision, scale)` column holds, narrowed to the domain's bounds. */
export function numericRange(precision: number, scale: number, bounds: NumberBounds = {}): Required<NumberBounds> {
  // numeric(p, s) holds |x| < 10^(p-s); the largest with s places is 10^(p-s) - 10^-s.
  const columnMax = Number(`${'9'.repeat(precision - scale)}.${'9'.repeat(scale)}`);
  return { min: Math.max(bounds.min ?? -columnMax, -columnMax), max: Math.min(bounds.max ?? columnMax, columnMax) };
}

/** The values an `integer` column holds, narrowed to the domain's bounds. */
export function integerRange(bounds: NumberBounds = {}): Required<NumberBounds> {
  return { min: Math.max(bounds.min ?? INT32_MIN, INT32_MIN), max: Math.min(bounds.max ?? INT32_MAX, INT32_MAX) };
}

/** Why a value cannot be stored in a column of `numeric(precision, scale)` within [min, max], or null. */
export function numericProblem(value: unknown, precision: number, scale: number, bounds: { min?: number; max?: number } = {}): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
  const { min, max } = numericRange(precision, scale, bounds);
  if (value < min || value > max) return `must be between ${min} and ${max}`;
  if (decimalPlaces(value) > scale) return scale === 0 ? 'must be a whole number' : `must have at most ${scale} decimal places`;
  return null;
}

/** Why a value cannot be stored in an `integer` column within [min, max], or null. */
export function integerProblem(value: unknown, bounds: { min?: number; max?: number } = {}): string | null {
  if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be a whole number';
  const { min, max } = integerRange(bounds);
  if (value < min || value > max) return `must be between ${min} and ${max}`;
  return null;
}

/**
 * A number stored as PostgreSQL `numeric(precision, scale)`: refused with a 400 naming the field when
 * the column could not hold it (too large, or more decimal places than it keeps), instead of failing at
 * the database. `min`/`max` narrow the column's range to the domain's.
 */
export function FitsNumeric(precision: number, scale: number, bounds: { min?: number; max?: number } = {}, options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'fitsNumeric',
      constraints: [precision, scale, bounds],
      validator: {
        validate: (value: unknown) => numericProblem(value, precision, scale, bounds) === null,
        defaultMessage: (args) => `${args?.property} ${numericProblem(args?.value, precision, scale, bounds)}`,
      },
    },
    options,
  );
}

/** A whole number stored as PostgreSQL `integer` (32 bits), within [min, max] when given. */
export function FitsInteger(bounds: { min?: number; max?: number } = {}, options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'fitsInteger',
      constraints: [bounds],
      validator: {
        validate: (value: unknown) => integerProblem(value, bounds) === null,
        defaultMessage: (args) => `${args?.property} ${integerProblem(args?.value, bounds)}`,
      },
    },
    options,
  );
}
