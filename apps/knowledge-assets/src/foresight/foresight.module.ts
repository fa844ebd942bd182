import { Module } from '@nestjs/common';
import { AssetModule } from '../asset/asset.module.js';
import { ForesightController } from './foresight.controller.js';
import { ForesightRepository } from './foresight.repository.js';
import { CountSignalMatrixUseCase } from './use-cases/count-signal-matrix.use-case.js';
import { ListScenariosUseCase } from './use-cases/list-scenarios.use-case.js';
import { ListSignalsUseCase } from './use-cases/list-signals.use-case.js';

/**
 * Foresight (the strategy's paragraph 16): signals and the scenarios that group them are assets of their
 * own types (written under /assets); this module adds their lists and the likelihood x impact counts.
 */
@Module({
  imports: [AssetModule],
  controllers: [ForesightController],
  providers: [ForesightRepository, ListSignalsUseCase, ListScenariosUseCase, CountSignalMatrixUseCase],
})
export class ForesightModule {}
