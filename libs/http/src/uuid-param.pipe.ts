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
 * A path parameter that is a positive integer an `integer` column holds (a version number): decimal
 * digits only, so `1e3`, `0x10`, `-1` and `2147483648` are 400s naming it, never a database error.
 */
export function positiveIntegerParam(field: string): PipeTransform<string, number> {
  return {
    transform(value: string): number {
      const number = /^[1-9]\d{0,9}$/.test(value) ? Number(value) : NaN;
      if (!(number <= INT32_MAX)) throw new InvalidRequestException([{ field, reason: `must be an integer from 1 to ${INT32_MAX}` }]);
      return number;
    },
  };
}
