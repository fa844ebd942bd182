import { ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { INT32_MAX } from './number.validators.js';
import { InvalidRequestException } from './validation.js';

/** Validates a path parameter as a UUID, naming it in the 400 when it is not one. */
export function uuidParam(field: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new InvalidRequestException([{ field, reason: 'must be a UUID' }]),
  });
}

/**
 * A path parameter that is a positive integer an `integer` column holds (a version number): `0`, `-1`,
 * `1.5`, `abc` and `2147483648` are 400s naming it, never a database error. Declared as a `number`, the
 * segment reaches this pipe already converted by the global ValidationPipe (`+value`), so a numeric
 * form such as `1e3` reads as the number it denotes.
 */
export function positiveIntegerParam(field: string): PipeTransform<unknown, number> {
  return {
    transform(value: unknown): number {
      const number = typeof value === 'number' ? value : /^\d{1,10}$/.test(String(value)) ? Number(value) : NaN;
      if (!Number.isInteger(number) || number < 1 || number > INT32_MAX) throw new InvalidRequestException([{ field, reason: `must be an integer from 1 to ${INT32_MAX}` }]);
      return number;
    },
  };
}
