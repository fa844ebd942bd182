import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventLogRepository } from '../../event-log/event-log.repository.js';
import { PROJECTIONS, type Projection } from '../../projection/projection.js';
import { ProjectionRepository } from '../../projection/projection.repository.js';
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
    private readonly eventLog: EventLogRepository,
    private readonly projectionTables: ProjectionRepository,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
  ) {}

  async execute(): Promise<RebuildResult> {
    const started = performance.now();
    let events = 0;
    await this.dataSource.transaction(async (manager) => {
      await this.eventLog.lockAgainstAppends(manager);
      await this.projectionTables.empty(manager, this.projections.flatMap((projection) => projection.tables));
      const script = await ReplayScript.onConnectionOf(manager);
      let after = '0';
      for (;;) {
        const rows = await this.eventLog.pageAfter(manager, after, REPLAY_PAGE_SIZE);
        // A page of events becomes one script, in event order: one round trip, not thousands.
        const statements = rows.flatMap((event) => this.projections.flatMap((projection) => projection.statementsFor(event)));
        if (statements.length > 0) await this.projectionTables.runScript(manager, script.scriptFor(statements));
        events += rows.length;
        if (rows.length < REPLAY_PAGE_SIZE) break;
        after = rows[rows.length - 1].seq;
      }
    });
    return { events, projections: this.projections.map((projection) => projection.name), durationMs: Math.round(performance.now() - started) };
  }
}
