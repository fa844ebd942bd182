import { parseDictionary } from 'structured-headers';
import { FileError } from './file.errors.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The SHA-256 a client announces for an upload, in hex, and where it announced it. */
export interface ExpectedDigest {
  sha256: string;
  field: string;
}

function fromBase64(field: string, value: string): ExpectedDigest {
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length !== 32 || bytes.toString('base64') !== value) throw FileError.invalidDigest(field, 'must carry a SHA-256 of 32 bytes in base64');
  return { sha256: bytes.toString('hex'), field };
}

/**
 * The checksum a client sent with an upload: `Content-Digest` or `Repr-Digest` (RFC 9530, `sha-256=:…:`),
 * the older `Digest` (RFC 3230, `SHA-256=…`), or the `sha256` query parameter in hex. Algorithms other
 * than SHA-256 are ignored, as RFC 9530 allows; a malformed value is a 400 naming where it was.
 */
export function expectedDigest(headers: Record<string, string | string[] | undefined>, query: string | undefined): ExpectedDigest | undefined {
  for (const field of ['content-digest', 'repr-digest']) {
    const header = headers[field];
    if (header === undefined) continue;
    const name = field === 'content-digest' ? 'Content-Digest' : 'Repr-Digest';
    let dictionary;
    try {
      dictionary = parseDictionary(Array.isArray(header) ? header.join(', ') : header);
    } catch {
      throw FileError.invalidDigest(name, 'is not a structured dictionary such as sha-256=:base64:');
    }
    const entry = dictionary.get('sha-256');
    if (!entry) continue;
    const [value] = entry;
    if (!(value instanceof ArrayBuffer)) throw FileError.invalidDigest(name, 'must give sha-256 as a byte sequence (:base64:)');
    return fromBase64(name, Buffer.from(value).toString('base64'));
  }
  const legacy = headers.digest;
  if (legacy !== undefined) {
    for (const part of (Array.isArray(legacy) ? legacy.join(',') : legacy).split(',')) {
      const separator = part.indexOf('=');
      if (separator > 0 && part.slice(0, separator).trim().toLowerCase() === 'sha-256') return fromBase64('Digest', part.slice(separator + 1).trim());
    }
  }
  if (query !== undefined) {
    const hex = query.toLowerCase();
    if (!SHA256_HEX.test(hex)) throw FileError.invalidDigest('sha256', 'must be a SHA-256 in 64 hexadecimal digits');
    return { sha256: hex, field: 'sha256' };
  }
  return undefined;
}
