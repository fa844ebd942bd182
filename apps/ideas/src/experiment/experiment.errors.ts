import { domainErrorClass } from '#ikm/domain';

export enum ExperimentErrorCode {
  NotFound = 'EXPERIMENT_NOT_FOUND',
  AlreadyConcluded = 'EXPERIMENT_ALREADY_CONCLUDED',
  InvalidTimeBox = 'EXPERIMENT_INVALID_TIME_BOX',
  NotAllowed = 'EXPERIMENT_NOT_ALLOWED',
}

export class ExperimentError extends domainErrorClass<ExperimentErrorCode>({
  [ExperimentErrorCode.NotFound]: 404,
  [ExperimentErrorCode.AlreadyConcluded]: 409,
  [ExperimentErrorCode.InvalidTimeBox]: 400,
  [ExperimentErrorCode.NotAllowed]: 403,
}) {
  static notFound(id: string): ExperimentError {
    return new ExperimentError(ExperimentErrorCode.NotFound, `Experiment ${id} does not exist on this idea.`);
  }

  static alreadyConcluded(id: string): ExperimentError {
    return new ExperimentError(ExperimentErrorCode.AlreadyConcluded, `Experiment ${id} is already concluded.`);
  }

  static invalidTimeBox(): ExperimentError {
    return new ExperimentError(ExperimentErrorCode.InvalidTimeBox, 'An experiment ends on or after the day it starts.', {
      errors: [{ field: 'endsOn', reason: 'must be on or after startsOn' }],
    });
  }

  static notAllowed(): ExperimentError {
    return new ExperimentError(ExperimentErrorCode.NotAllowed, 'Experiments are run by the idea’s team or an IKMU administrator.');
  }
}
