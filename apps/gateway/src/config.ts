import { baseEnvSpecs, requireTokenVerification } from '#ikm/config';
import { BACKEND_SERVICES, DEFAULT_FILE_MAX_BYTES, gatewayUpstreams, GATEWAY_SERVICE } from '#ikm/contracts';
import { parse as parseDuration } from '@lukeed/ms';
import { cleanEnv, makeValidator, num } from 'envalid';
import { parseUpstreams, type Upstream } from './upstreams/upstreams.js';

export const SERVICE_NAME = GATEWAY_SERVICE.name;

/**
 * Where each service lives on this machine, from libs/contracts BACKEND_SERVICES (GATEWAY_UPSTREAMS
 * replaces this map as a whole: `name=url,name=url`).
 */
const DEFAULT_UPSTREAMS = gatewayUpstreams(BACKEND_SERVICES);

const upstreamMap = makeValidator<Upstream[]>((value) => parseUpstreams(value));
const originList = makeValidator<string[]>((value) => {
  const origins = value.split(',').map((origin) => origin.trim()).filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new Error(`"${origin}" is not an origin like https://app.example.org`);
  }
  return origins;
});
/** As the rate limiter reads it (`1 minute`, `90 seconds`, `30s`); anything else would silently mean one minute. */
const duration = makeValidator<string>((value) => {
  const milliseconds = parseDuration(value);
  if (milliseconds === undefined || !(milliseconds > 0)) throw new Error(`"${value}" is not a duration like "1 minute" or "90 seconds"`);
  return value.trim();
});

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  return requireTokenVerification(
    cleanEnv(env, {
      ...baseEnvSpecs(GATEWAY_SERVICE.port),
      GATEWAY_UPSTREAMS: upstreamMap({ default: parseUpstreams(DEFAULT_UPSTREAMS), desc: 'name=url,name=url' }),
      GATEWAY_UPSTREAM_TIMEOUT_MS: num({ default: 10_000, desc: 'an upstream slower than this gives a 504' }),
      GATEWAY_BODY_LIMIT_BYTES: num({ default: 1_048_576, desc: 'the largest JSON (or text) body' }),
      GATEWAY_FILE_BODY_LIMIT_BYTES: num({ default: DEFAULT_FILE_MAX_BYTES, desc: 'the largest raw body (a file upload), streamed on: at least the services’ FILE_MAX_BYTES' }),
      CORS_ALLOWED_ORIGINS: originList({ default: [], desc: 'comma-separated origins allowed to call from a browser' }),
      // Per window: a signed-in subject, and an IP without a valid token.
      RATE_LIMIT_PER_SUBJECT: num({ default: 600 }),
      RATE_LIMIT_PER_IP: num({ default: 120 }),
      RATE_LIMIT_WINDOW: duration({ default: '1 minute' }),
    }),
  );
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export const OPEN_API_INFO = {
  title: 'IKM platform API',
  description:
    // Markdown: outside code spans, <service> would be taken for an HTML tag and vanish.
    'One entry point for front ends: every service under `/api/v1/<service>/`. Send `Authorization: Bearer <token>` from the identity provider.',
  version: '1',
};
