import { createHash } from 'node:crypto';
import { expectedDigest } from './content-digest.js';
import { FileErrorCode } from './file.errors.js';

const bytes = createHash('sha256').update('hello').digest();
const hex = bytes.toString('hex');
const base64 = bytes.toString('base64');

describe('expectedDigest', () => {
  it.each([
    ['Content-Digest', { 'content-digest': `sha-512=:${Buffer.alloc(64).toString('base64')}:, sha-256=:${base64}:` }, undefined],
    ['Repr-Digest', { 'repr-digest': `sha-256=:${base64}:` }, undefined],
    ['Digest', { digest: `SHA-256=${base64}` }, undefined],
    ['sha256', {}, hex.toUpperCase()],
  ])('reads the SHA-256 from %s', (field, headers, query) => {
    expect(expectedDigest(headers, query)).toEqual({ sha256: hex, field });
  });

  it('is undefined when nothing announces a SHA-256', () => {
    expect(expectedDigest({ 'content-digest': `sha-512=:${Buffer.alloc(64).toString('base64')}:` }, undefined)).toBeUndefined();
  });

  it.each([
    [{ 'content-digest': 'sha-256=abc' }, undefined],
    [{ 'content-digest': `sha-256=:${Buffer.alloc(16).toString('base64')}:` }, undefined],
    [{}, 'xyz'],
  ])('refuses a malformed one naming it: %j %s', (headers, query) => {
    expect(() => expectedDigest(headers, query)).toThrow(expect.objectContaining({ code: FileErrorCode.InvalidDigest }));
  });
});
