import { Module } from '@nestjs/common';
import { BenefitController } from './benefit.controller.js';
import { GetBenefitsUseCase } from './use-cases/get-benefits.use-case.js';

@Module({
  controllers: [BenefitController],
  providers: [GetBenefitsUseCase],
})
export class BenefitModule {}
