import { Controller, Get, HttpCode, Res, type DynamicModule, Module, Optional } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '#ikm/auth';
import { KafkaHealth } from '#ikm/messaging';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

interface CheckResult {
  status: 'up' | 'down';
  critical: boolean;
  detail?: string;
}

/**
 * Liveness says the process answers; readiness says whether it can do its job. The database is
 * critical. Kafka is reported but not critical: writes still commit to the outbox and reads still
 * work while the broker is away, so taking the service out of rotation would only add an outage.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() private readonly kafkaHealth?: KafkaHealth,
  ) {}

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
    const [database, kafka] = await Promise.all([this.checkDatabase(), this.checkKafka()]);
    const checks: Record<string, CheckResult> = { database };
    if (kafka) checks.kafka = kafka;
    const results = Object.values(checks);
    const criticalDown = results.some((check) => check.critical && check.status === 'down');
    const anyDown = results.some((check) => check.status === 'down');
    void reply.status(criticalDown ? 503 : 200);
    return { status: criticalDown ? 'down' : anyDown ? 'degraded' : 'ok', checks };
  }

  private async checkDatabase(): Promise<CheckResult> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'up', critical: true };
    } catch (error) {
      return { status: 'down', critical: true, detail: (error as Error).message };
    }
  }

  private async checkKafka(): Promise<CheckResult | undefined> {
    if (!this.kafkaHealth) return undefined;
    const { up, detail } = await this.kafkaHealth.check();
    return { status: up ? 'up' : 'down', critical: false, detail };
  }
}

@Module({ controllers: [HealthController] })
export class HealthModule {
  static forRoot(): DynamicModule {
    return { module: HealthModule };
  }
}
