import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { REVIEW_SETTINGS, type ReviewSettings } from './review.config.js';
import { RunReviewJobUseCase } from './use-cases/run-review-job.use-case.js';

/** Milliseconds from `now` to the next `HH:MM` UTC (tomorrow's when today's has passed). */
export function msUntil(timeOfDay: string, now: Date): number {
  const [hours, minutes] = timeOfDay.split(':').map(Number);
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hours, minutes);
  return next > now.getTime() ? next - now.getTime() : next + 86_400_000 - now.getTime();
}

/**
 * Runs the review job every day at REVIEW_JOB_TIME (UTC) in every instance; the job's advisory lock
 * lets one of them do it. A failed run is logged and the next day's runs as usual.
 */
@Injectable()
export class ReviewJobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(ReviewJobScheduler.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(REVIEW_SETTINGS) private readonly settings: ReviewSettings,
    private readonly job: RunReviewJobUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.job
        .execute()
        .catch((error: unknown) => this.log.error({ err: error }, 'review job failed'))
        .finally(() => this.schedule());
    }, msUntil(this.settings.REVIEW_JOB_TIME, new Date()));
    this.timer.unref();
  }
}
