import { clientErrorProblem } from './edge-problems.js';

function overflow(head: string) {
  return clientErrorProblem({ code: 'HPE_HEADER_OVERFLOW', rawPacket: Buffer.from(head) as never });
}

describe('clientErrorProblem', () => {
  it('refuses a head too large because of its URL with 414', () => {
    expect(overflow(`GET /ideas?q=${'a'.repeat(20_000)} HTTP/1.1\r\nhost: x\r\n`)).toMatchObject({
      type: 'https://ikm.example.org/problems/uri-too-long',
      title: 'uri too long',
      status: 414,
      detail: expect.stringMatching(/URL is too long/),
    });
  });

  it('refuses a URL whose end had not even arrived with 414', () => {
    expect(overflow(`GET /ideas?q=${'a'.repeat(20_000)}`).status).toBe(414);
  });

  it('refuses a head too large because of its header fields with 431', () => {
    expect(overflow(`GET /ideas HTTP/1.1\r\nx-big: ${'a'.repeat(20_000)}\r\n`)).toMatchObject({
      type: 'https://ikm.example.org/problems/request-header-fields-too-large',
      title: 'request header fields too large',
      status: 431,
      detail: expect.stringMatching(/header fields are too large.*16384 bytes/),
    });
  });

  it('says 431 when the read that overflowed does not start with the request line', () => {
    expect(overflow(`${'a'.repeat(20_000)}\r\nx-more: b\r\n`).status).toBe(431);
  });

  it('answers a timeout with 408 and anything else Node cannot parse with 400', () => {
    expect(clientErrorProblem({ code: 'ERR_HTTP_REQUEST_TIMEOUT', rawPacket: undefined as never })).toMatchObject({ status: 408, title: 'request timeout' });
    expect(clientErrorProblem({ code: 'HPE_INVALID_METHOD', rawPacket: undefined as never })).toMatchObject({ status: 400, title: 'bad request' });
  });
});
