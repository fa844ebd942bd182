import { domainErrorClass } from '#ikm/domain';

export enum FileErrorCode {
  NotFound = 'FILE_NOT_FOUND',
  UnderEmbargo = 'FILE_UNDER_EMBARGO',
  InvalidName = 'FILE_NAME_INVALID',
  TooLarge = 'FILE_TOO_LARGE',
  Incomplete = 'FILE_UPLOAD_INCOMPLETE',
  ChecksumMismatch = 'FILE_CHECKSUM_MISMATCH',
  InvalidDigest = 'FILE_DIGEST_INVALID',
  MediaTypeRefused = 'FILE_MEDIA_TYPE_REFUSED',
  RangeNotSatisfiable = 'FILE_RANGE_NOT_SATISFIABLE',
}

export class FileError extends domainErrorClass<FileErrorCode>({
  [FileErrorCode.NotFound]: 404,
  [FileErrorCode.UnderEmbargo]: 403,
  [FileErrorCode.InvalidName]: 400,
  [FileErrorCode.TooLarge]: 413,
  [FileErrorCode.Incomplete]: 400,
  [FileErrorCode.ChecksumMismatch]: 400,
  [FileErrorCode.InvalidDigest]: 400,
  [FileErrorCode.MediaTypeRefused]: 415,
  [FileErrorCode.RangeNotSatisfiable]: 416,
}) {
  static notFound(assetId: string, number: number, name: string): FileError {
    return new FileError(FileErrorCode.NotFound, `Version ${number} of asset ${assetId} has no file named ${JSON.stringify(name)} visible to you.`);
  }

  /** The version's record is visible to the caller, its content not yet: when it will be is no secret. */
  static underEmbargo(assetId: string, number: number, embargoUntil: string): FileError {
    return new FileError(FileErrorCode.UnderEmbargo, `The files of version ${number} of asset ${assetId} are under embargo until ${embargoUntil}.`, { embargoUntil });
  }

  static invalidName(reason: string): FileError {
    return new FileError(FileErrorCode.InvalidName, `The file name ${reason}.`, { errors: [{ field: 'name', reason }] });
  }

  static tooLarge(maxBytes: number): FileError {
    return new FileError(FileErrorCode.TooLarge, `A file may take at most ${maxBytes} bytes; nothing was stored.`, {
      maxBytes,
      errors: [{ field: 'body', reason: `is larger than ${maxBytes} bytes` }],
    });
  }

  /** The client went away (or its connection broke) before the body's end: nobody reads the answer, but it is not the service's fault. */
  static incomplete(): FileError {
    return new FileError(FileErrorCode.Incomplete, 'The upload ended before its last byte; nothing was stored.', { errors: [{ field: 'body', reason: 'ended before its last byte' }] });
  }

  static checksumMismatch(field: string, expected: string, actual: string): FileError {
    return new FileError(FileErrorCode.ChecksumMismatch, `The bytes received have SHA-256 ${actual}, not the ${expected} that ${field} announced; nothing was stored.`, {
      errors: [{ field, reason: `does not match the SHA-256 of the bytes received (${actual})` }],
    });
  }

  static invalidDigest(field: string, reason: string): FileError {
    return new FileError(FileErrorCode.InvalidDigest, `${field} ${reason}.`, { errors: [{ field, reason }] });
  }

  static mediaTypeRefused(reason: string): FileError {
    return new FileError(FileErrorCode.MediaTypeRefused, `The file's media type is refused: ${reason}.`, { errors: [{ field: 'Content-Type', reason }] });
  }

  static rangeNotSatisfiable(size: number): FileError {
    return new FileError(FileErrorCode.RangeNotSatisfiable, `The range asked for lies outside the file's ${size} bytes.`, { size });
  }
}
