import type { ArgumentsHost } from '@nestjs/common';
import { DatabaseOutage } from '#ikm/persistence';
import { pino } from 'pino';
import type { FastifyRequest } from 'fastify';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { wasRefusedWhileUnavailable } from './refused-requests.js';

/** The parts of a Fastify reply the filter uses, recording what was sent. */
function fakeReply() {
  const sent: { status?: number; headers: Record<string, string>; type?: string; body?: unknown } = { headers: {} };
  const reply = {
    // A request whose body has all arrived: nothing left to read after the answer.
    request: { raw: { complete: true } },
    status: (status: number) => ((sent.status = status), reply),
    headers: (headers: Record<string, string>) => (Object.assign(sent.headers, headers), reply),
    type: (type: string) => ((sent.type = type), reply),
    send: (body: unknown) => ((sent.body = body), reply),
  };
  return { reply, sent };
}

const requestTo = (url: string) => ({ url, raw: {} }) as FastifyRequest;

function hostFor(reply: unknown, request = requestTo('/ideas')): ArgumentsHost {
  return { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
}

/** The filter under test, with what it logs and what it tells its outage tracker. */
function setup() {
  const lines: string[] = [];
  const failures: unknown[] = [];
  // The real outage tracker, with its episode bookkeeping replaced by a record of what it was told.
  const databaseOutage = new DatabaseOutage({ databaseUrl: 'postgres://127.0.0.1:1/none', logger: pino({ level: 'silent' }) });
  databaseOutage.failed = (error: unknown) => void failures.push(error);
  const sut = new ProblemDetailsFilter(pino({ level: 'trace' }, { write: (line: string) => lines.push(line) }), { databaseOutage });
  return { sut, lines, failures, ...fakeReply() };
}

describe('ProblemDetailsFilter with the database unavailable', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

  it('answers 503 problem+json with Retry-After, tells the outage tracker and logs nothing itself', () => {
    const { sut, lines, failures, reply, sent } = setup();
    const request = requestTo('/ideas');
    sut.catch(refused, hostFor(reply, request));
    expect(sent).toEqual({
      status: 503,
      headers: { 'retry-after': '5' },
      type: 'application/problem+json',
      body: expect.objectContaining({ status: 503, title: 'service unavailable', instance: '/ideas' }),
    });
    expect(failures).toEqual([refused]);
    expect(lines).toEqual([]);
    // So that the access log records it at info, as part of the episode, not as a failure of its own.
    expect(wasRefusedWhileUnavailable(request)).toBe(true);
  });

  it('still answers 500, logged with its id, for an error that is not an outage', () => {
    const { sut, lines, failures, reply, sent } = setup();
    const request = requestTo('/ideas');
    sut.catch(new Error('a bug'), hostFor(reply, request));
    expect(sent.status).toBe(500);
    expect(wasRefusedWhileUnavailable(request)).toBe(false);
    expect(failures).toEqual([]);
    expect(lines).toHaveLength(1);
  });
});
