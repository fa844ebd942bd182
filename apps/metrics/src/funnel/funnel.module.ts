import { Module } from '@nestjs/common';
import { FunnelController } from './funnel.controller.js';
import { FunnelProjection } from './funnel.projection.js';
import { GetFunnelUseCase } from './use-cases/get-funnel.use-case.js';

@Module({
  controllers: [FunnelController],
  providers: [FunnelProjection, GetFunnelUseCase],
  exports: [FunnelProjection],
})
export class FunnelModule {}
