import { problemDetails, statusProblem, type ProblemDetails } from '#ikm/http';
import { causes } from '#ikm/observability';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNRESET', 'UND_ERR_SOCKET', 'FST_REPLY_FROM_SERVICE_UNAVAILABLE']);
const TIMED_OUT = new Set(['FST_REPLY_FROM_GATEWAY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'FST_REPLY_FROM_TIMEOUT']);

/** What the caller sees when the gateway could not get an answer from a service: it names the service. */
export function upstreamProblem(service: string, error: unknown, instance: string, timeoutMs: number): ProblemDetails {
  const chain = [...causes(error)];
  // The request body itself was refused while it streamed (too large): the client's fault, not the service's.
  const clientError = chain.find((link) => link.statusCode === 413);
  if (clientError) return statusProblem(413, String(clientError.message), instance);
  const codes = chain.flatMap((link) => (typeof link.code === 'string' ? [link.code] : []));
  const extensions = { service };
  if (codes.some((code) => TIMED_OUT.has(code))) {
    return problemDetails('upstream-timeout', { status: 504, detail: `The ${service} service did not answer within ${timeoutMs} ms.`, instance, extensions });
  }
  if (codes.some((code) => UNREACHABLE.has(code))) {
    return problemDetails('upstream-unavailable', { status: 503, detail: `The ${service} service is unavailable; try again shortly.`, instance, extensions });
  }
  return problemDetails('bad-gateway', { status: 502, detail: `The ${service} service gave an unusable answer.`, instance, extensions });
}
