import 'reflect-metadata';
import { JwtVerifier } from '#ikm/auth';
import { createHttpApp, ProxyTrust } from '#ikm/http';
import { createLogger } from '#ikm/observability';
import { GatewayModule } from './app.module.js';
import { OpenApiAggregator } from './openapi/openapi-aggregator.js';
import { loadGatewayConfig, OPEN_API_INFO, SERVICE_NAME } from './config.js';
import { registerRateLimit } from './limits/rate-limit.js';
import { proxyRoutes } from './proxy/proxy.plugin.js';

const config = loadGatewayConfig();
const logger = createLogger(SERVICE_NAME, config.LOG_LEVEL);
// One view of the proxies in front of the gateway, for its own answers and for what it forwards.
const proxyTrust = new ProxyTrust(config.TRUSTED_PROXIES);

const app = await createHttpApp(GatewayModule.register(config, logger), {
  logger,
  bodyLimitBytes: config.GATEWAY_BODY_LIMIT_BYTES,
  // Swagger UI shows what front ends call: every service's operations, as /docs-json serves them.
  openApi: { ...OPEN_API_INFO, uiDocument: (gateway) => gateway.get(OpenApiAggregator).document() },
  corsOrigins: config.CORS_ALLOWED_ORIGINS,
  proxyTrust,
});
// Registered before the routes so that the limit applies to every one of them.
await registerRateLimit(app.getHttpAdapter().getInstance(), {
  verifier: app.get(JwtVerifier),
  perSubject: config.RATE_LIMIT_PER_SUBJECT,
  perIp: config.RATE_LIMIT_PER_IP,
  window: config.RATE_LIMIT_WINDOW,
});
await app.register(
  proxyRoutes({
    upstreams: config.GATEWAY_UPSTREAMS,
    timeoutMs: config.GATEWAY_UPSTREAM_TIMEOUT_MS,
    bodyLimits: { parsedBytes: config.GATEWAY_BODY_LIMIT_BYTES, rawBytes: config.GATEWAY_FILE_BODY_LIMIT_BYTES },
    proxyTrust,
    logger,
  }),
);
await app.listen({ port: config.PORT, host: config.HOST });
logger.info({ port: config.PORT, upstreams: config.GATEWAY_UPSTREAMS }, 'gateway listening');
