import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '#ikm/auth';
import { authOptionsOf } from '#ikm/config';
import { HEALTH_INDICATORS, HealthModule, openApiBase } from '#ikm/http';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { OPEN_API_INFO, type GatewayConfig } from './config.js';
import { OpenApiAggregator } from './openapi/openapi-aggregator.js';
import { OpenApiController } from './openapi/openapi.controller.js';
import { upstreamHealth } from './upstreams/upstream-health.js';

const HEALTH_TIMEOUT_MS = 2_000;

@Module({})
export class GatewayModule {
  static register(config: GatewayConfig, logger: Logger): DynamicModule {
    const upstreams = config.GATEWAY_UPSTREAMS;
    return {
      module: GatewayModule,
      imports: [
        AuthModule.forRoot(authOptionsOf(config)),
        HealthModule.forRoot({
          provide: HEALTH_INDICATORS,
          useValue: upstreams.map((upstream) => upstreamHealth(upstream, HEALTH_TIMEOUT_MS)),
        }),
      ],
      controllers: [OpenApiController],
      providers: [
        {
          provide: OpenApiAggregator,
          useValue: new OpenApiAggregator(upstreams, { ...openApiBase(OPEN_API_INFO), paths: {} } as OpenAPIObject, HEALTH_TIMEOUT_MS, logger),
        },
      ],
    };
  }
}
