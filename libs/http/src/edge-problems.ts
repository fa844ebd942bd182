import { CORRELATION_HEADER } from '#ikm/observability';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { sendProblem, toProblem } from './problem-details.filter.js';
import { statusProblem } from './problem-details.js';
import { markRefusedWhileUnavailable } from './refused-requests.js';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem-details.js';

/*
 * Requests refused before any route runs: Node's HTTP parser (head too large, malformed), Fastify's
 * router (a path segment too long, bad percent-encoding) and a process that is shutting down. Each
 * would otherwise answer in its own JSON shape; here they get problem details like every other error.
 */

/** Fastify's default, stated in the 414's detail. */
export const MAX_PATH_SEGMENT_LENGTH = 100;

/**
 * RFC 9112 (3) recommends accepting request lines of at least 8,000 octets: a head too large whose
 * request line alone is longer was refused for its URL (414), otherwise for its header fields (431).
 */
const LONGEST_REQUEST_LINE = 8_000;

/**
 * Judged on the bytes of the read that Node's parser gave up on (a Buffer, whatever Fastify's type
 * says), which start with the request line when the head arrived in one read, the usual case.
 */
function requestLineTooLong(packet: unknown): boolean {
  if (!Buffer.isBuffer(packet) || !/^[A-Z]+ /.test(packet.subarray(0, 16).toString('latin1'))) return false;
  const end = packet.indexOf('\r\n');
  return end === -1 ? packet.length > LONGEST_REQUEST_LINE : end > LONGEST_REQUEST_LINE;
}

export function clientErrorProblem(error: Pick<ConnectionError, 'code' | 'rawPacket'>): ProblemDetails {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return requestLineTooLong(error.rawPacket)
        ? statusProblem(414, `The URL is too long: the request line may take at most ${LONGEST_REQUEST_LINE} bytes.`)
        : statusProblem(431, `The request's header fields are too large: the request line and headers may take at most ${maxHeaderSize} bytes.`);
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return statusProblem(408, 'The request was not received in time.');
    default:
      return statusProblem(400, 'The request is not valid HTTP.');
  }
}

/**
 * Fastify's `clientErrorHandler`: Node's parser refused the request, so there is no request object and
 * the answer is written on the socket itself, which is then closed (what Node and Fastify do too).
 */
export function answerClientError(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const problem = clientErrorProblem(error);
    const body = JSON.stringify(problem);
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Fastify's `frameworkErrors`: what its router refuses before any hook runs. */
export function frameworkErrorHandler(logger: Logger, instanceOf: (request: FastifyRequest) => string) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const instance = instanceOf(request);
    const problem =
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? statusProblem(414, `A path segment is longer than ${MAX_PATH_SEGMENT_LENGTH} characters.`, instance)
        : error.code === 'FST_ERR_BAD_URL'
          ? statusProblem(400, 'The path is not a valid URL (a malformed percent-encoding).', instance)
          : toProblem(error, instance, logger);
    sendProblem(reply, problem, { [CORRELATION_HEADER]: request.id });
  };
}

/**
 * While the server closes (after SIGTERM), requests still arriving on open keep-alive connections get a
 * 503 problem telling the client to go elsewhere, instead of Fastify's own JSON (`return503OnClosing`
 * is switched off for this). Registered before the app's own hooks, so that they do not run for them.
 */
export function refuseRequestsWhileClosing(fastify: FastifyInstance, instanceOf: (request: FastifyRequest) => string): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!closing) return done();
    markRefusedWhileUnavailable(request);
    sendProblem(reply, statusProblem(503, 'This instance is shutting down; retry the request.', instanceOf(request)), {
      connection: 'close',
      'retry-after': '1',
    });
  });
}
