import { Module } from '@nestjs/common';
import { IdeaModule } from '../idea/idea.module.js';
import { BenefitController } from './benefit.controller.js';
import { RecordBenefitUseCase } from './use-cases/record-benefit.use-case.js';

@Module({
  imports: [IdeaModule],
  controllers: [BenefitController],
  providers: [RecordBenefitUseCase],
})
export class BenefitModule {}
