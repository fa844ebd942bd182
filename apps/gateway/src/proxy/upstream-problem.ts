import { problemType, type ProblemDetails } from '#ikm/http';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNRESET', 'UND_ERR_SOCKET', 'FST_REPLY_FROM_SERVICE_UNAVAILABLE']);
const TIMED_OUT = new Set(['FST_REPLY_FROM_GATEWAY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'FST_REPLY_FROM_TIMEOUT']);

type ErrorChainLink = { code?: string; statusCode?: number; message?: string; cause?: unknown };

function chainOf(error: unknown): ErrorChainLink[] {
  const chain: ErrorChainLink[] = [];
  for (let current = error as ErrorChainLink | undefined; current; current = current.cause as ErrorChainLink | undefined) chain.push(current);
  return chain;
}

/** What the caller sees when the gateway could not get an answer from a service: it names the service. */
export function upstreamProblem(service: string, error: unknown, instance: string, timeoutMs: number): ProblemDetails {
  const chain = chainOf(error);
  // The request body itself was refused while it streamed (too large): the client's fault, not the service's.
  const clientError = chain.find((link) => link.statusCode === 413);
  if (clientError) {
    return { type: problemType('payload-too-large'), title: 'payload too large', status: 413, detail: clientError.message, instance };
  }
  const codes = chain.flatMap((link) => (link.code ? [link.code] : []));
  if (codes.some((code) => TIMED_OUT.has(code))) {
    return {
      type: problemType('upstream-timeout'),
      title: 'upstream timeout',
      status: 504,
      detail: `The ${service} service did not answer within ${timeoutMs} ms.`,
      instance,
      service,
    };
  }
  const unreachable = codes.some((code) => UNREACHABLE.has(code));
  return {
    type: problemType(unreachable ? 'upstream-unavailable' : 'bad-gateway'),
    title: unreachable ? 'upstream unavailable' : 'bad gateway',
    status: unreachable ? 503 : 502,
    detail: unreachable ? `The ${service} service is unavailable; try again shortly.` : `The ${service} service gave an unusable answer.`,
    instance,
    service,
  };
}
