import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { prepared, queryPrepared } from '#ikm/persistence';
import { DataSource } from 'typeorm';
import { USAGE_SETTINGS, type UsageSettings } from './usage.config.js';

export const USAGE_KINDS = ['view', 'download'] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

/** One successful view or download, as the answer left: who, what, when (the 30 s filter is applied when counting). */
export interface UsageAction {
  assetId: string;
  kind: UsageKind;
  /** The item within the asset: `record` for a view of any of its versions, `<n>/<name>` for a file. */
  item: string;
  userId: string;
  at: Date;
}

/** How long actions wait to be written together, and how many make a write at once. */
const FLUSH_AFTER_MS = 200;
const FLUSH_AT = 500;

const APPEND = prepared(
  `INSERT INTO asset_usage_actions (asset_id, kind, item, user_id, at)
   SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])`,
);

/**
 * Appends usage actions after their answers have gone: buffered in memory and written as one
 * multi-row INSERT every 200 ms (or at 500), off the read's path, so a read costs a push to an array.
 * Counting never fails a read: a write that fails is logged and its actions dropped. The price: the
 * actions of the last 200 ms are lost if the process dies (they are flushed on a clean shutdown).
 */
@Injectable()
export class UsageRecorder implements OnApplicationShutdown {
  private readonly log = new Logger(UsageRecorder.name);
  private pending: UsageAction[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(USAGE_SETTINGS) private readonly settings: UsageSettings,
  ) {}

  record(action: UsageAction): void {
    if (!this.settings.USAGE_COUNTING) return;
    this.pending.push(action);
    if (this.pending.length >= FLUSH_AT) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_AFTER_MS);
  }

  /** Writes what is pending; resolves when it is written (or failed and was logged). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(() => this.write(batch));
    return this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  private async write(batch: UsageAction[]): Promise<void> {
    try {
      await queryPrepared(this.dataSource.manager, APPEND, [
        batch.map((action) => action.assetId),
        batch.map((action) => action.kind),
        batch.map((action) => action.item),
        batch.map((action) => action.userId),
        batch.map((action) => action.at.toISOString()),
      ]);
    } catch (error) {
      this.log.warn({ err: error, actions: batch.length }, 'usage actions not recorded');
    }
  }
}
