import { Global, Module, type DynamicModule } from '@nestjs/common';
import { REVIEW_SETTINGS, type ReviewSettings } from './review.config.js';

/** The review settings read at boot, for the review module and for the review block of every asset read. */
@Global()
@Module({})
export class ReviewSettingsModule {
  static register(settings: ReviewSettings): DynamicModule {
    return { module: ReviewSettingsModule, providers: [{ provide: REVIEW_SETTINGS, useValue: settings }], exports: [REVIEW_SETTINGS] };
  }
}
