import { Module } from '@nestjs/common';
import { AssetModule } from '../asset/asset.module.js';
import { CaptureConsumer } from './capture.consumer.js';
import { CaptureRepository } from './capture.repository.js';
import { CaptureDraftUseCase } from './use-cases/capture-draft.use-case.js';

/** Automatic capture: other services' events that become draft assets. */
@Module({ imports: [AssetModule], controllers: [CaptureConsumer], providers: [CaptureRepository, CaptureDraftUseCase] })
export class CaptureModule {}
