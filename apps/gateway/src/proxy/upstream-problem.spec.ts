import { traceparentFor } from './trace-context.js';
import { upstreamProblem } from './upstream-problem.js';

const withCause = (code: string) => Object.assign(new Error('outer'), { code: 'FST_REPLY_FROM_INTERNAL_SERVER_ERROR', cause: Object.assign(new Error('inner'), { code }) });

describe('upstreamProblem', () => {
  it('names the service that refused the connection with a 503', () => {
    expect(upstreamProblem('ideas', withCause('ECONNREFUSED'), '/api/v1/ideas', 1000)).toMatchObject({ status: 503, service: 'ideas' });
  });

  it('gives a 504 on a timeout, saying how long it waited', () => {
    const problem = upstreamProblem('metrics', Object.assign(new Error('t'), { code: 'FST_REPLY_FROM_GATEWAY_TIMEOUT' }), '/x', 1500);
    expect(problem).toMatchObject({ status: 504, service: 'metrics' });
    expect(problem.detail).toContain('1500 ms');
  });

  it('passes a body refused while streaming on as a 413', () => {
    const tooLarge = Object.assign(new Error('Request body is larger than 10 bytes'), { statusCode: 413 });
    expect(upstreamProblem('ideas', Object.assign(new Error('x'), { cause: tooLarge }), '/x', 1000)).toMatchObject({ status: 413 });
  });

  it('is a problem document like every other, with the service as an extension', () => {
    expect(JSON.stringify(upstreamProblem('ideas', withCause('ECONNREFUSED'), '/api/v1/ideas', 1000))).toBe(
      '{"type":"https://ikm.example.org/problems/upstream-unavailable","title":"upstream unavailable","status":503,' +
        '"detail":"The ideas service is unavailable; try again shortly.","instance":"/api/v1/ideas","service":"ideas"}',
    );
  });

  it('calls anything else a bad gateway', () => {
    expect(upstreamProblem('ideas', new Error('weird'), '/x', 1000)).toMatchObject({ status: 502, service: 'ideas' });
  });
});

describe('traceparentFor', () => {
  it('keeps a well-formed traceparent', () => {
    const given = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(traceparentFor(given)).toBe(given);
  });

  it.each([undefined, 'garbage', '00-XYZ-00f067aa0ba902b7-01'])('starts a new trace for %j', (given) => {
    expect(traceparentFor(given)).toMatch(/^00-[\da-f]{32}-[\da-f]{16}-01$/);
  });
});
