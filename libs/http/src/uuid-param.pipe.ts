import { ParseUUIDPipe } from '@nestjs/common';
import { InvalidRequestException } from './validation.js';

/** Validates a path parameter as a UUID, naming it in the 400 when it is not one. */
export function uuidParam(field: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new InvalidRequestException([{ field, reason: 'must be a UUID' }]),
  });
}
