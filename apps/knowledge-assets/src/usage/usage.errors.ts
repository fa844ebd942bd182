import { domainErrorClass } from '#ikm/domain';

export enum UsageErrorCode {
  InvalidWindow = 'USAGE_INVALID_WINDOW',
}

export class UsageError extends domainErrorClass<UsageErrorCode>({
  [UsageErrorCode.InvalidWindow]: 400,
}) {
  static invalidWindow(field: 'from' | 'to', reason: string): UsageError {
    return new UsageError(UsageErrorCode.InvalidWindow, `The usage window is not valid: ${field} ${reason}.`, { errors: [{ field, reason }] });
  }
}
