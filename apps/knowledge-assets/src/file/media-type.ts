import { FileError } from './file.errors.js';

const OOXML = 'application/vnd.openxmlformats-officedocument';
const ODF = 'application/vnd.oasis.opendocument';

/**
 * What may be uploaded: documents, data, images and media a repository of publications, datasets and
 * course material holds; never executables or HTML/SVG a browser would run. `application/octet-stream`
 * is bytes of no named type: accepted when no signature says otherwise (a Stata or SPSS file, say), and
 * stored under the detected type when one does.
 */
export const ALLOWED_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  `${OOXML}.wordprocessingml.document`,
  `${OOXML}.spreadsheetml.sheet`,
  `${OOXML}.presentationml.presentation`,
  `${ODF}.text`,
  `${ODF}.spreadsheet`,
  `${ODF}.presentation`,
  'application/epub+zip',
  'application/rtf',
  'application/zip',
  'application/gzip',
  'application/octet-stream',
  'text/csv',
  'text/tab-separated-values',
  'text/markdown',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/tiff',
  'audio/mpeg',
  'audio/mp4',
  'video/mp4',
  'video/webm',
]);

/** Signatures file-type recognises that stand for a container of the declared type, seen from its first bytes. */
const CONTAINERS: Record<string, readonly string[]> = {
  'application/zip': [`${OOXML}.wordprocessingml.document`, `${OOXML}.spreadsheetml.sheet`, `${OOXML}.presentationml.presentation`, `${ODF}.text`, `${ODF}.spreadsheet`, `${ODF}.presentation`, 'application/epub+zip'],
  'application/x-cfb': ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'],
};

/** The declared type without parameters, lower-cased; undefined when the header is absent or not a media type. */
export function declaredMediaType(header: string | undefined): string | undefined {
  const essence = header?.split(';')[0]?.trim().toLowerCase();
  return essence && /^[a-z0-9][\w!#$&^.+-]*\/[a-z0-9][\w!#$&^.+-]*$/.test(essence) ? essence : undefined;
}

/** Refuses, before a byte is read, a body whose declared type may not be uploaded at all. */
export function assertUploadable(declared: string | undefined): string {
  if (!declared) throw FileError.mediaTypeRefused('send the file’s media type in Content-Type');
  if (!ALLOWED_MEDIA_TYPES.has(declared)) throw FileError.mediaTypeRefused(`${declared} is not among the types accepted (${[...ALLOWED_MEDIA_TYPES].join(', ')})`);
  return declared;
}

/**
 * The type a file is stored under, given what it declared and what its first bytes are (undefined when
 * they carry no signature file-type knows). A signature must agree with the declared type, or be the
 * container of it; a type that always has a signature (PDF, PNG, ...) must show it; a text type must
 * show none. Anything else is a lie about the content, refused.
 */
export function mediaTypeOf(declared: string, detected: string | undefined, signatureTypes: ReadonlySet<string>): string {
  if (declared === 'application/octet-stream') {
    if (detected && !ALLOWED_MEDIA_TYPES.has(detected)) throw FileError.mediaTypeRefused(`its bytes are ${detected}, which is not accepted`);
    return detected ?? declared;
  }
  if (detected === declared || (detected && CONTAINERS[detected]?.includes(declared))) return declared;
  if (detected) throw FileError.mediaTypeRefused(`it was declared ${declared} but its bytes are ${detected}`);
  if (signatureTypes.has(declared) && !Object.values(CONTAINERS).some((types) => types.includes(declared))) {
    throw FileError.mediaTypeRefused(`it was declared ${declared} but its bytes do not begin as a ${declared} file does`);
  }
  return declared;
}
