import Fastify from 'fastify';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { registerAccessLog } from './access-log.js';
import { PinoNestLogger } from './nest-logger.js';
import { markRefusedWhileUnavailable } from './refused-requests.js';

/** A pino logger writing its lines into an array, parsed. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), lines };
}

describe('registerAccessLog', () => {
  async function serve(statusCode: number, url: string, headers: Record<string, string> = {}, refused = false) {
    const { logger, lines } = capturingLogger();
    const app = Fastify({ genReqId: () => 'req-1' });
    registerAccessLog(app, logger);
    app.get('/*', (request, reply) => {
      if (refused) markRefusedWhileUnavailable(request);
      return reply.code(statusCode).headers(headers).send({});
    });
    // A real request over a socket (light-my-request's inject does not load under Jest's ESM mode).
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    await fetch(`${origin}${url}`).then((response) => response.text());
    await app.close();
    return lines;
  }

  it.each([
    [200, 30],
    [404, 40],
    [503, 50],
  ])('logs a %i at level %i with the method, path, address, status and request id', async (statusCode, level) => {
    const lines = await serve(statusCode, '/ideas/1?limit=2');
    expect(lines).toEqual([
      expect.objectContaining({
        level,
        msg: 'request completed',
        req: { id: 'req-1', method: 'GET', url: '/ideas/1?limit=2', remoteAddress: '127.0.0.1' },
        res: { statusCode },
        responseTime: expect.any(Number),
      }),
    ]);
  });

  it('logs a request refused while a dependency is down (logged once per episode elsewhere) at info', async () => {
    const lines = await serve(503, '/ideas', { 'retry-after': '5' }, true);
    expect(lines).toEqual([expect.objectContaining({ level: 30, res: { statusCode: 503 } })]);
  });

  it('does not take any 503 with Retry-After for such a refusal: one not marked so is an error', async () => {
    const lines = await serve(503, '/ideas', { 'retry-after': '5' });
    expect(lines).toEqual([expect.objectContaining({ level: 50, res: { statusCode: 503 } })]);
  });

  it('leaves health probes out', async () => {
    expect(await serve(200, '/health/ready')).toEqual([]);
  });
});

describe('PinoNestLogger', () => {
  it('writes the message with the context Nest passes last, at the matching level', () => {
    const { logger, lines } = capturingLogger();
    new PinoNestLogger(logger).log('Mapped {/ideas, GET} route', 'RouterExplorer');
    new PinoNestLogger(logger).verbose('detail', 'Scanner');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, context: 'RouterExplorer', msg: 'Mapped {/ideas, GET} route' }),
      expect.objectContaining({ level: 10, context: 'Scanner', msg: 'detail' }),
    ]);
  });

  it('keeps the stack of an error message and the error of an Error', () => {
    const { logger, lines } = capturingLogger();
    new PinoNestLogger(logger).error('boot failed', 'Error: boot failed\n    at main.ts:1', 'NestFactory');
    new PinoNestLogger(logger).error(new Error('lost the database'), 'TypeOrmModule');
    expect(lines[0]).toEqual(expect.objectContaining({ level: 50, context: 'NestFactory', stack: 'Error: boot failed\n    at main.ts:1', msg: 'boot failed' }));
    expect(lines[1]).toEqual(expect.objectContaining({ level: 50, context: 'TypeOrmModule', msg: 'lost the database', err: expect.objectContaining({ message: 'lost the database' }) }));
  });
});
