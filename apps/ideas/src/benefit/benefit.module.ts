import { Module } from '@nestjs/common';
import { IdeaModule } from '../idea/idea.module.js';
import { BenefitController } from './benefit.controller.js';
import { BenefitRepository } from './benefit.repository.js';
import { ListBenefitsUseCase } from './use-cases/list-benefits.use-case.js';
import { RecordBenefitUseCase } from './use-cases/record-benefit.use-case.js';

@Module({
  imports: [IdeaModule],
  controllers: [BenefitController],
  providers: [BenefitRepository, ListBenefitsUseCase, RecordBenefitUseCase],
})
export class BenefitModule {}
