import { Module } from '@nestjs/common';
import { AssetModule } from '../asset/asset.module.js';
import { UsageModule } from '../usage/usage.module.js';
import { ReviewDateWriter } from './review-date-writer.js';
import { ReviewJobScheduler } from './review-job.scheduler.js';
import { ReviewController } from './review.controller.js';
import { ConfirmReviewUseCase } from './use-cases/confirm-review.use-case.js';
import { ListReviewsUseCase } from './use-cases/list-reviews.use-case.js';
import { RunReviewJobUseCase } from './use-cases/run-review-job.use-case.js';
import { SetReviewDateUseCase } from './use-cases/set-review-date.use-case.js';

/** Freshness: review-by dates, the daily review job, confirmations and the units' review lists (ReviewRepository lives with the assets, whose reads show it). */
@Module({
  imports: [AssetModule, UsageModule],
  controllers: [ReviewController],
  providers: [ReviewDateWriter, SetReviewDateUseCase, ConfirmReviewUseCase, ListReviewsUseCase, RunReviewJobUseCase, ReviewJobScheduler],
})
export class ReviewModule {}
