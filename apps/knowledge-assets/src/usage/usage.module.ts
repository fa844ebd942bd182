import { Module } from '@nestjs/common';
import { AssetModule } from '../asset/asset.module.js';
import { ReuseConsumer } from './reuse.consumer.js';
import { UsageController } from './usage.controller.js';
import { UsageRepository } from './usage.repository.js';
import { GetUsageUseCase } from './use-cases/get-usage.use-case.js';

/** Use and reuse: counted views and downloads per period, and what cites each asset. */
@Module({ imports: [AssetModule], controllers: [UsageController, ReuseConsumer], providers: [UsageRepository, GetUsageUseCase], exports: [UsageRepository] })
export class UsageModule {}
