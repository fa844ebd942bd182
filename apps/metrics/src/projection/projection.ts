import type { EntityManager } from 'typeorm';

/** An event as the projections see it, whether it arrives from Kafka or is replayed from the event log. */
export interface LoggedEvent {
  id: string;
  type: string;
  subject: string;
  time: string;
  data: unknown;
}

/**
 * A read model built only from events. Applying the same events in the same order must give the same
 * rows, so that a projection can be dropped and rebuilt from the event log.
 */
export interface Projection {
  readonly name: string;
  /** Tables the projection owns, emptied before a rebuild. */
  readonly tables: string[];
  apply(manager: EntityManager, event: LoggedEvent): Promise<void>;
}

export const PROJECTIONS = Symbol('PROJECTIONS');
