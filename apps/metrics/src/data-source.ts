import { CreateIdempotencyKeys1764250000000 } from '#ikm/idempotency';
import { CreateInbox1764190000001 } from '#ikm/messaging';
import type { ServiceDataSourceOptions } from '#ikm/persistence';
import { CreateEventLogAndFunnel1764210000000 } from './migrations/1764210000000-create-event-log-and-funnel.js';
import { EventLogSequence1764220000000 } from './migrations/1764220000000-event-log-sequence.js';
import { LifecycleReporting1764230000000 } from './migrations/1764230000000-lifecycle-reporting.js';

/** Migrations of the metrics database, shared by the service and its migrate command. */
export function metricsDataSourceOptions(url: string): ServiceDataSourceOptions {
  return {
    url,
    entities: [],
    migrations: [CreateInbox1764190000001, CreateEventLogAndFunnel1764210000000, EventLogSequence1764220000000, LifecycleReporting1764230000000, CreateIdempotencyKeys1764250000000],
  };
}
