import { Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { isDatabaseUnavailable } from '#ikm/persistence';
import type { Logger } from 'pino';
import { IdempotencyKeyStore } from './idempotency-key.store.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';

const LOGGER = Symbol('IDEMPOTENCY_LOGGER');
const PURGE_INTERVAL_MS = 15 * 60_000;

/** Deletes expired keys every quarter of an hour, in every instance (the deletes are idempotent too). */
@Injectable()
class ExpiredKeyPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly store: IdempotencyKeyStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge(), PURGE_INTERVAL_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async purge(): Promise<void> {
    try {
      const deleted = await this.store.purgeExpired();
      if (deleted > 0) this.logger.debug({ deleted }, 'expired idempotency keys deleted');
    } catch (error) {
      // An unavailable database is reported by whoever needs it; the next purge catches up.
      if (!isDatabaseUnavailable(error)) this.logger.warn({ err: error }, 'expired idempotency keys not deleted');
    }
  }
}

/**
 * `Idempotency-Key` on every write of the service that imports it (ServiceCoreModule does). Its table
 * comes from `CreateIdempotencyKeys`, which the service's migrations must list, and its writes must go
 * through `dataSource.transaction(...)` of a `RequestScopedDataSource` for their outcome to be recorded
 * with them.
 */
@Module({})
export class IdempotencyModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: IdempotencyModule,
      providers: [
        { provide: LOGGER, useValue: logger },
        IdempotencyKeyStore,
        ExpiredKeyPurge,
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
