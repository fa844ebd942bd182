import { domainErrorClass } from '#ikm/domain';

export enum ChallengeErrorCode {
  NotFound = 'CHALLENGE_NOT_FOUND',
  NotSponsor = 'CHALLENGE_NOT_SPONSOR',
  NotOpen = 'CHALLENGE_NOT_OPEN',
  InvalidDates = 'CHALLENGE_INVALID_DATES',
  UnknownReference = 'CHALLENGE_UNKNOWN_REFERENCE',
  VersionMismatch = 'CHALLENGE_VERSION_MISMATCH',
}

export class ChallengeError extends domainErrorClass<ChallengeErrorCode>({
  [ChallengeErrorCode.NotFound]: 404,
  [ChallengeErrorCode.NotSponsor]: 403,
  [ChallengeErrorCode.NotOpen]: 409,
  [ChallengeErrorCode.InvalidDates]: 400,
  [ChallengeErrorCode.UnknownReference]: 400,
  [ChallengeErrorCode.VersionMismatch]: 412,
}) {
  static notFound(id: string): ChallengeError {
    return new ChallengeError(ChallengeErrorCode.NotFound, `Challenge ${id} does not exist.`);
  }

  static notSponsor(id: string): ChallengeError {
    return new ChallengeError(ChallengeErrorCode.NotSponsor, `Only the sponsor of challenge ${id} or an IKMU administrator may change it.`);
  }

  static notOpen(id: string, phase: string): ChallengeError {
    return new ChallengeError(ChallengeErrorCode.NotOpen, `Challenge ${id} is ${phase}; ideas can be submitted to it only while it is open.`, {
      challengePhase: phase,
    });
  }

  static invalidDates(): ChallengeError {
    return new ChallengeError(ChallengeErrorCode.InvalidDates, 'A challenge must close after it opens.', {
      errors: [{ field: 'closesAt', reason: 'must be later than opensAt' }],
    });
  }

  /** An idea refers to a challenge that does not exist: bad input, named by its field. */
  static unknownReference(id: string): ChallengeError {
    return new ChallengeError(ChallengeErrorCode.UnknownReference, `Challenge ${id} does not exist.`, {
      errors: [{ field: 'challengeId', reason: 'no challenge has this id' }],
    });
  }

  static versionMismatch(id: string, expected: number, actual: number): ChallengeError {
    return new ChallengeError(
      ChallengeErrorCode.VersionMismatch,
      `Challenge ${id} is at version ${actual}, not ${expected}; reload it and apply your change again.`,
      { currentVersion: actual },
    );
  }
}
