import { Module } from '@nestjs/common';
import { FunnelController } from './funnel.controller.js';
import { GetFunnelUseCase } from './use-cases/get-funnel.use-case.js';

@Module({
  controllers: [FunnelController],
  providers: [GetFunnelUseCase],
})
export class FunnelModule {}
