import { requestedRange } from './byte-range.js';

const ETAG = '"sha256-x"';

describe('requestedRange', () => {
  it.each([
    ['bytes=0-9', { start: 0, end: 9 }],
    ['bytes=90-', { start: 90, end: 99 }],
    ['bytes=-10', { start: 90, end: 99 }],
    ['bytes=95-200', { start: 95, end: 99 }],
    ['bytes=0-1,5-6', undefined],
    ['items=0-9', undefined],
    ['bytes=9-3', undefined],
  ])('%s of 100 bytes', (header, range) => {
    expect(requestedRange(header, 100, undefined, ETAG)).toEqual(range);
  });

  it('gives the whole file when If-Range names another version', () => {
    expect(requestedRange('bytes=0-9', 100, '"sha256-y"', ETAG)).toBeUndefined();
    expect(requestedRange('bytes=0-9', 100, ETAG, ETAG)).toEqual({ start: 0, end: 9 });
  });

  it('refuses a range past the end with a 416', () => {
    expect(() => requestedRange('bytes=100-', 100, undefined, ETAG)).toThrow(expect.objectContaining({ status: 416 }));
  });
});
