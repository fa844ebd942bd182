import type { EventContract, EventData } from '#ikm/contracts';

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
  /** Event types it reads: the event log must subscribe to their topics. */
  readonly contracts: EventContract[];
  statementsFor(event: LoggedEvent): ProjectionStatement[];
}

export const PROJECTIONS = Symbol('PROJECTIONS');

/** The statements one event type needs, reading the event's data as its contract types it. */
export interface EventStatements {
  readonly contract: EventContract;
  statementsFor(event: LoggedEvent): ProjectionStatement[];
}

/**
 * Declares what a projection does on events of `contract`. Data reaching a projection was checked
 * against the contract's schema when the consumer received it, so it is read as the contract's type.
 */
export function when<C extends EventContract>(
  contract: C,
  statements: (data: EventData<C>, event: LoggedEvent) => ProjectionStatement[],
): EventStatements {
  return { contract, statementsFor: (event) => statements(event.data as EventData<C>, event) };
}

/**
 * A projection declared as the statements it runs per event type; every other type passes it by.
 * Each event type appears once, so what a projection does with an event is read in one place.
 */
export function defineProjection(definition: { name: string; tables: string[]; on: EventStatements[] }): Projection {
  const byType = new Map<string, EventStatements>();
  for (const handler of definition.on) {
    if (byType.has(handler.contract.type)) throw new Error(`projection ${definition.name} declares ${handler.contract.type} twice`);
    byType.set(handler.contract.type, handler);
  }
  return {
    name: definition.name,
    tables: definition.tables,
    contracts: definition.on.map((handler) => handler.contract),
    statementsFor: (event) => byType.get(event.type)?.statementsFor(event) ?? [],
  };
}
