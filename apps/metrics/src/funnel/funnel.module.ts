import { Module } from '@nestjs/common';
import { FunnelController } from './funnel.controller.js';
import { FunnelRepository } from './funnel.repository.js';
import { GetConversionUseCase } from './use-cases/get-conversion.use-case.js';
import { GetFunnelUseCase } from './use-cases/get-funnel.use-case.js';
import { GetTimeInStageUseCase } from './use-cases/get-time-in-stage.use-case.js';

@Module({
  controllers: [FunnelController],
  providers: [FunnelRepository, GetFunnelUseCase, GetConversionUseCase, GetTimeInStageUseCase],
})
export class FunnelModule {}
