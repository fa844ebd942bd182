import { domainErrorClass } from '#ikm/domain';

export enum IngestionErrorCode {
  JobNotFound = 'INGESTION_JOB_NOT_FOUND',
  MediaTypeRefused = 'IMPORT_MEDIA_TYPE_REFUSED',
  TooLarge = 'IMPORT_TOO_LARGE',
  Malformed = 'IMPORT_MALFORMED',
  Incomplete = 'IMPORT_INCOMPLETE',
}

export class IngestionError extends domainErrorClass<IngestionErrorCode>({
  [IngestionErrorCode.JobNotFound]: 404,
  [IngestionErrorCode.MediaTypeRefused]: 415,
  [IngestionErrorCode.TooLarge]: 413,
  [IngestionErrorCode.Malformed]: 400,
  [IngestionErrorCode.Incomplete]: 400,
}) {
  static jobNotFound(id: string): IngestionError {
    return new IngestionError(IngestionErrorCode.JobNotFound, `Ingestion job ${id} does not exist or is not yours to see.`);
  }

  static mediaTypeRefused(given: string | undefined, accepted: readonly string[]): IngestionError {
    return new IngestionError(IngestionErrorCode.MediaTypeRefused, `An import is ${accepted.join(', ')}, not ${given ?? 'a body without Content-Type'}.`, {
      errors: [{ field: 'Content-Type', reason: `must be one of ${accepted.join(', ')}` }],
    });
  }

  static tooLarge(maxBytes: number): IngestionError {
    return new IngestionError(IngestionErrorCode.TooLarge, `An import file is at most ${maxBytes} bytes; split it.`, { maxBytes });
  }

  static malformed(reason: string): IngestionError {
    return new IngestionError(IngestionErrorCode.Malformed, `The import file cannot be read: ${reason}`, { errors: [{ field: 'body', reason }] });
  }

  static incomplete(): IngestionError {
    return new IngestionError(IngestionErrorCode.Incomplete, 'The import file did not arrive whole; nothing was imported.', { errors: [{ field: 'body', reason: 'the request ended before its body' }] });
  }
}
