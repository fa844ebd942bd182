import { domainErrorClass } from '#ikm/domain';

export enum BenefitErrorCode {
  InvalidPeriod = 'BENEFIT_INVALID_PERIOD',
  NotAllowed = 'BENEFIT_NOT_ALLOWED',
}

export class BenefitError extends domainErrorClass<BenefitErrorCode>({
  [BenefitErrorCode.InvalidPeriod]: 400,
  [BenefitErrorCode.NotAllowed]: 403,
}) {
  static invalidPeriod(): BenefitError {
    return new BenefitError(BenefitErrorCode.InvalidPeriod, 'A period ends on or after the day it starts.', {
      errors: [{ field: 'periodEnd', reason: 'must be on or after periodStart' }],
    });
  }

  static notAllowed(): BenefitError {
    return new BenefitError(BenefitErrorCode.NotAllowed, 'Benefits are recorded by the idea’s team or an IKMU administrator.');
  }
}
