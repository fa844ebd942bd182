import { Module } from '@nestjs/common';
import { BenefitController } from './benefit.controller.js';
import { BenefitRepository } from './benefit.repository.js';
import { GetBenefitsUseCase } from './use-cases/get-benefits.use-case.js';

@Module({
  controllers: [BenefitController],
  providers: [BenefitRepository, GetBenefitsUseCase],
})
export class BenefitModule {}
