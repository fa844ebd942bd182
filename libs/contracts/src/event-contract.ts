import { z } from 'zod';

/**
 * One event type on one topic. Producer and consumer both import the same contract, so the runtime
 * schema and the TypeScript type can never drift apart.
 */
export interface EventContract<Data extends z.ZodType = z.ZodType> {
  /** CloudEvents `type`: `ikm.<service>.<aggregate>.<event>.v<N>`. */
  readonly type: string;
  /** Kafka topic of the aggregate: `ikm.<service>.<aggregate>`. */
  readonly topic: string;
  /** CloudEvents `source`: `/ikm/<service>`. */
  readonly source: string;
  readonly schema: Data;
}

export type EventData<C extends EventContract> = z.infer<C['schema']>;

/** Lower-case words joined by single hyphens (`knowledge-assets`), as service names and folders are. */
const SEGMENT = '[a-z]+(?:-[a-z]+)*';
const TYPE_PATTERN = new RegExp(`^ikm\\.(${SEGMENT})\\.(${SEGMENT})\\.(${SEGMENT})\\.v(\\d+)$`);

export function defineEvent<Data extends z.ZodType>(type: string, schema: Data): EventContract<Data> {
  const match = TYPE_PATTERN.exec(type);
  if (!match) throw new Error(`event type "${type}" does not follow ikm.<service>.<aggregate>.<event>.v<N>`);
  const [, service, aggregate] = match;
  return { type, topic: `ikm.${service}.${aggregate}`, source: `/ikm/${service}`, schema };
}

/** Dead letters of a topic go to `<topic>.dlq`. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}
