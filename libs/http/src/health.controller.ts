import { Controller, Get, HttpCode, Inject, Module, Res, type DynamicModule, type Provider } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '#ikm/auth';
import type { FastifyReply } from 'fastify';

/** One dependency a service reports on in /health/ready. */
export interface HealthIndicator {
  readonly name: string;
  /** A critical dependency down makes the service not ready (503); any other makes it `degraded`. */
  readonly critical: boolean;
  check(): Promise<{ up: boolean; detail?: string }>;
}

export const HEALTH_INDICATORS = Symbol('HEALTH_INDICATORS');

interface CheckResult {
  status: 'up' | 'down';
  critical: boolean;
  detail?: string;
}

/** Liveness says the process answers; readiness says whether it can do its job, dependency by dependency. */
@ApiTags('health')
@Public()
@Controller('health')
class HealthController {
  constructor(@Inject(HEALTH_INDICATORS) private readonly indicators: HealthIndicator[]) {}

  @Get('live')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The process is alive.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'Ready; `degraded` when a non-critical dependency is down.' })
  @ApiServiceUnavailableResponse({ description: 'A critical dependency is down.' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const results = await Promise.all(
      this.indicators.map(async (indicator): Promise<[string, CheckResult]> => {
        const { up, detail } = await indicator.check().catch((error: Error) => ({ up: false, detail: error.message }));
        return [indicator.name, { status: up ? 'up' : 'down', critical: indicator.critical, ...(detail ? { detail } : {}) }];
      }),
    );
    const checks = Object.fromEntries(results);
    const down = results.filter(([, check]) => check.status === 'down');
    const criticalDown = down.some(([, check]) => check.critical);
    void reply.status(criticalDown ? 503 : 200);
    return { status: criticalDown ? 'down' : down.length ? 'degraded' : 'ok', checks };
  }
}

@Module({})
export class HealthModule {
  /** `indicators` provides HEALTH_INDICATORS: usually a factory injecting the service's dependencies. */
  static forRoot(indicators: Provider): DynamicModule {
    return { module: HealthModule, controllers: [HealthController], providers: [indicators] };
  }
}
