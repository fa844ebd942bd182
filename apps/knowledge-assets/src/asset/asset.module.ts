import { Module } from '@nestjs/common';
import { AssetController } from './asset.controller.js';
import { AssetRepository } from './asset.repository.js';
import { ChangeAccessUseCase } from './use-cases/change-access.use-case.js';
import { CreateDraftUseCase } from './use-cases/create-draft.use-case.js';
import { GetAssetUseCase } from './use-cases/get-asset.use-case.js';
import { GetHistoryUseCase } from './use-cases/get-history.use-case.js';
import { GetVersionUseCase } from './use-cases/get-version.use-case.js';
import { ListAssetsUseCase } from './use-cases/list-assets.use-case.js';
import { StartNewVersionUseCase } from './use-cases/start-new-version.use-case.js';
import { TransitionAssetUseCase } from './use-cases/transition-asset.use-case.js';
import { UpdateDraftUseCase } from './use-cases/update-draft.use-case.js';

@Module({
  controllers: [AssetController],
  providers: [
    AssetRepository,
    CreateDraftUseCase,
    UpdateDraftUseCase,
    TransitionAssetUseCase,
    StartNewVersionUseCase,
    ChangeAccessUseCase,
    GetAssetUseCase,
    GetVersionUseCase,
    GetHistoryUseCase,
    ListAssetsUseCase,
  ],
  // Captured drafts (capture/) are stored as every draft is.
  exports: [AssetRepository],
})
export class AssetModule {}
