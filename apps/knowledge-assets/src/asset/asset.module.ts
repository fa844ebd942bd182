import { Module } from '@nestjs/common';
import { AssetFileRepository } from '../file/asset-file.repository.js';
import { ReviewRepository } from '../review/review.repository.js';
import { ForesightReferenceRepository } from '../foresight/foresight-reference.repository.js';
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
    AssetFileRepository,
    ReviewRepository,
    ForesightReferenceRepository,
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
  // Captured drafts (capture/) are stored as every draft is; the file module reads versions through the
  // same visibility rules, and writes the files new versions carry; an asset read shows its review block (review/).
  exports: [AssetRepository, AssetFileRepository, ReviewRepository],
})
export class AssetModule {}
