import { bodyLimitFor } from './body-limit.js';

const LIMITS = { parsedBytes: 1024, rawBytes: 100 * 1024 * 1024 };

describe('bodyLimitFor', () => {
  it.each([undefined, '', 'application/json', 'Application/JSON; charset=utf-8', 'application/merge-patch+json', 'text/plain;charset=utf-8'])(
    'keeps the small limit on a body the services parse (%s)',
    (contentType) => expect(bodyLimitFor(contentType, LIMITS)).toBe(1024),
  );

  it.each(['application/pdf', 'application/octet-stream', 'text/csv', 'image/png', 'application/epub+zip', 'multipart/form-data; boundary=x'])(
    'lets a raw body (%s) stream up to the file limit',
    (contentType) => expect(bodyLimitFor(contentType, LIMITS)).toBe(100 * 1024 * 1024),
  );
});
