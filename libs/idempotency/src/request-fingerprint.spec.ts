import { requestFingerprint } from './request-fingerprint.js';

describe('requestFingerprint', () => {
  it('is the same for the same body with its fields in another order, at any depth', () => {
    expect(requestFingerprint({ title: 't', benefits: { usd: 1, hours: 2 } }, undefined)).toBe(
      requestFingerprint({ benefits: { hours: 2, usd: 1 }, title: 't' }, undefined),
    );
  });

  it.each([
    ['another value', { title: 't' }, { title: 'u' }],
    ['another field', { title: 't' }, { title: 't', themes: [] }],
    ['items in another order', { themes: ['a', 'b'] }, { themes: ['b', 'a'] }],
    ['a number for a string', { version: 1 }, { version: '1' }],
  ])('differs for %s', (_case, first, second) => {
    expect(requestFingerprint(first, undefined)).not.toBe(requestFingerprint(second, undefined));
  });

  it('counts the If-Match the request was conditional on', () => {
    expect(requestFingerprint({}, '"1"')).not.toBe(requestFingerprint({}, '"2"'));
    expect(requestFingerprint({}, '"1"')).not.toBe(requestFingerprint({}, undefined));
  });

  it('takes no body and an empty body for different requests, and no body twice for the same', () => {
    expect(requestFingerprint(undefined, undefined)).toBe(requestFingerprint(null, undefined));
    expect(requestFingerprint(undefined, undefined)).not.toBe(requestFingerprint({}, undefined));
  });
});
