import { prepared, queryPrepared } from '#ikm/persistence';
import type { EntityManager } from 'typeorm';

/** An event as the projections see it, whether it arrives from Kafka or is replayed from the event log. */
export interface LoggedEvent {
  id: string;
  type: string;
  subject: string;
  time: string;
  data: unknown;
}

/** One parameterised SQL statement a projection runs for an event. */
export interface ProjectionStatement {
  sql: string;
  params: unknown[];
}

/**
 * A read model built only from events. Applying the same events in the same order must give the same
 * rows, so that a projection can be dropped and rebuilt from the event log. A projection says which
 * statements an event needs rather than running them, so the same statements serve a live event (run
 * one by one, with parameters) and a rebuild (sent a page of events at a time).
 */
export interface Projection {
  readonly name: string;
  /** Tables the projection owns, emptied before a rebuild. */
  readonly tables: string[];
  statementsFor(event: LoggedEvent): ProjectionStatement[];
}

export const PROJECTIONS = Symbol('PROJECTIONS');

/**
 * Runs a live event's statements as prepared statements: a projection's SQL texts are constant (values
 * travel as parameters), so each is parsed and planned once per connection.
 */
export async function runStatements(manager: EntityManager, statements: ProjectionStatement[]): Promise<void> {
  for (const statement of statements) await queryPrepared(manager, prepared(statement.sql), statement.params);
}
