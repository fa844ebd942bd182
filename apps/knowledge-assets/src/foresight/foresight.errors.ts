import type { AssetType } from '#ikm/contracts';
import { domainErrorClass } from '#ikm/domain';

export enum ForesightErrorCode {
  FieldNotForType = 'FORESIGHT_FIELD_NOT_FOR_TYPE',
  ReferenceNotVisible = 'FORESIGHT_REFERENCE_NOT_VISIBLE',
  SignalNotFound = 'FORESIGHT_SIGNAL_NOT_FOUND',
}

export class ForesightError extends domainErrorClass<ForesightErrorCode>({
  [ForesightErrorCode.FieldNotForType]: 400,
  [ForesightErrorCode.ReferenceNotVisible]: 400,
  [ForesightErrorCode.SignalNotFound]: 404,
}) {
  /** Drivers on a publication, signals on a signal: the field belongs to another type. */
  static fieldNotForType(type: AssetType, fields: string[]): ForesightError {
    return new ForesightError(ForesightErrorCode.FieldNotForType, `A ${type} has no ${fields.join(', ')}: those are fields of the foresight types.`, {
      errors: fields.map((field) => ({ field, reason: `is a field of ${field === 'signals' || field === 'narrative' ? 'foresight_scenario' : field === 'horizon' || field === 'sources' ? 'foresight_signal and foresight_scenario' : 'foresight_signal'} assets only` })),
    });
  }

  /** A reference the writer cannot see (or, for a scenario's signals, that is no foresight signal): named by its place. */
  static referencesNotVisible(fields: Array<{ field: string; reason: string }>): ForesightError {
    return new ForesightError(ForesightErrorCode.ReferenceNotVisible, `Some referenced assets do not exist or are not visible to you: ${fields.map((f) => f.field).join(', ')}.`, { errors: fields });
  }

  static signalNotFound(id: string): ForesightError {
    return new ForesightError(ForesightErrorCode.SignalNotFound, `Foresight signal ${id} does not exist or is not visible to you.`);
  }
}
