import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PROJECTIONS, type LoggedEvent, type Projection } from '../../projection/projection.js';
import { ReplayScript } from '../replay-script.js';

/** Events replayed per round trip; exported so a test can log more than one page. */
export const REPLAY_PAGE_SIZE = 2_000;

export interface RebuildResult {
  events: number;
  projections: string[];
  durationMs: number;
}

/**
 * Drops every projection and replays the whole event log through it, in recorded order, in one
 * transaction: readers see the old numbers until the new ones are complete. Recording new events
 * waits meanwhile (the event log is locked against writes), so none is missed or applied twice.
 */
@Injectable()
export class RebuildProjectionsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
  ) {}

  async execute(): Promise<RebuildResult> {
    const started = performance.now();
    let events = 0;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE event_log IN SHARE MODE`);
      const tables = this.projections.flatMap((projection) => projection.tables);
      await manager.query(`TRUNCATE ${tables.join(', ')}`);
      const script = await ReplayScript.onConnectionOf(manager);
      let after = '0';
      for (;;) {
        const rows: Array<LoggedEvent & { seq: string; time: Date }> = await manager.query(
          `SELECT seq, event_id AS id, type, subject, occurred_at AS time, data FROM event_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
          [after, REPLAY_PAGE_SIZE],
        );
        // A page of events becomes one script, in event order: one round trip, not thousands.
        const statements = rows.flatMap((row) => {
          const event = { ...row, time: row.time.toISOString() };
          return this.projections.flatMap((projection) => projection.statementsFor(event));
        });
        if (statements.length > 0) await manager.query(script.scriptFor(statements));
        events += rows.length;
        if (rows.length < REPLAY_PAGE_SIZE) break;
        after = rows[rows.length - 1].seq;
      }
    });
    return { events, projections: this.projections.map((projection) => projection.name), durationMs: Math.round(performance.now() - started) };
  }
}
