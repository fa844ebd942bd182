/** How large a request body the gateway lets through, by what the service does with it. */
export interface BodyLimits {
  /** Bodies a service parses as an API request (JSON, text): it holds them whole, so they stay small. */
  parsedBytes: number;
  /** Every other body: raw bytes a route streams (a file upload), up to what the service accepts. */
  rawBytes: number;
}

/**
 * The services parse `application/json` (and Fastify's `text/plain`) and take any other media type
 * only on a route that streams its body; a body without a type is treated as one they parse. The
 * `+json` types are counted as parsed too, so that no JSON body gets the large limit.
 */
export function isParsedBody(contentType: string | undefined): boolean {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase();
  if (!essence) return true;
  return essence === 'application/json' || essence.endsWith('+json') || essence === 'text/plain';
}

export function bodyLimitFor(contentType: string | undefined, limits: BodyLimits): number {
  return isParsedBody(contentType) ? limits.parsedBytes : limits.rawBytes;
}
