import { AFTER_ACTION_REVIEW_TOPIC, COMMUNITY_TOPIC, DISCUSSION_TOPIC, QUESTION_TOPIC, SHARING_EVENT_TOPIC } from './communities.events.js';
import { CHALLENGE_TOPIC, COMMENT_TOPIC, EXPERIMENT_TOPIC, IDEA_TOPIC } from './ideas.events.js';
import { KNOWLEDGE_ASSET_TOPIC } from './knowledge-assets.events.js';
import { CONCEPT_TOPIC } from './taxonomy.events.js';

/**
 * A service behind the gateway. Its one name is its folder (apps/<name>), route prefix
 * (/api/v1/<name>), database (ikm_<name>), topic segment (ikm.<name>.<aggregate>), CloudEvents
 * source (/ikm/<name>) and consumer group (ikm.<name>).
 */
export interface BackendService<Name extends string = string> {
  readonly name: Name;
  /** Port under `npm start`; the tests and the bench shift it (see their configuration). */
  readonly port: number;
  /** `ikm_<name>`, with the hyphens PostgreSQL would need quoted turned into underscores. */
  readonly database: string;
  /** Topics it produces, each with the partition count it is created with (order holds per key, the aggregate id). */
  readonly produces: Readonly<Record<string, number>>;
  /** Its inbox consumer group; absent when it consumes no events. */
  readonly consumerGroup?: string;
}

interface BackendDeclaration<Name extends string, Consumes extends boolean> {
  name: Name;
  port: number;
  produces?: Readonly<Record<string, number>>;
  consumes?: Consumes;
}

/** A consuming service's declaration types its consumer group as present. */
type Declared<Name extends string, Consumes extends boolean> = BackendService<Name> & (Consumes extends true ? { readonly consumerGroup: string } : unknown);

function declareBackend<const Name extends string, const Consumes extends boolean = false>(
  declaration: BackendDeclaration<Name, Consumes>,
): Declared<Name, Consumes> {
  const { name, port, produces = {}, consumes = false } = declaration;
  // A topic named after another service would give its events that service's source.
  const foreign = Object.keys(produces).filter((topic) => !topic.startsWith(`ikm.${name}.`));
  if (foreign.length > 0) throw new Error(`service ${name} declares topics outside ikm.${name}.*: ${foreign.join(', ')}`);
  return {
    name,
    port,
    database: `ikm_${name.replaceAll('-', '_')}`,
    produces,
    ...(consumes ? { consumerGroup: `ikm.${name}` } : {}),
  } as Declared<Name, Consumes>;
}

/**
 * The largest file one upload may bring unless FILE_MAX_BYTES says otherwise (100 MiB): the gateway
 * streams raw bodies this large on by default (GATEWAY_FILE_BODY_LIMIT_BYTES), the service enforces its own.
 */
export const DEFAULT_FILE_MAX_BYTES = 100 * 1024 * 1024;

/** The platform's entry point: it routes /api/v1/<name>/ to each backend service and owns no database. */
export const GATEWAY_SERVICE = { name: 'gateway', port: 3000 } as const;

/**
 * Every service behind the gateway: adding an entry here makes `npm start`, the tests and the gateway
 * run, migrate and route to it, and creates its topics. docker-compose.yml is checked against it.
 */
export const BACKEND_SERVICES = [
  declareBackend({
    name: 'ideas',
    port: 3001,
    produces: { [IDEA_TOPIC]: 6, [CHALLENGE_TOPIC]: 3, [EXPERIMENT_TOPIC]: 3, [COMMENT_TOPIC]: 3 },
    // Knowledge asset events feed its replica for similar-work detection.
    consumes: true,
  }),
  // The organisation's repository: assets with their versions, lifecycle and access.
  declareBackend({
    name: 'knowledge-assets',
    port: 3002,
    // Few concepts, rarely changed: order per concept is all a replica needs.
    produces: { [KNOWLEDGE_ASSET_TOPIC]: 6, [CONCEPT_TOPIC]: 3 },
    // Community membership (who reads restricted assets) and automatic capture (experiments, adopted
    // ideas, after-action reviews becoming drafts).
    consumes: true,
  }),
  declareBackend({ name: 'metrics', port: 3005, consumes: true }),
] as const;

export type BackendServiceName = (typeof BACKEND_SERVICES)[number]['name'];
export type ServiceName = BackendServiceName | typeof GATEWAY_SERVICE.name;

/**
 * Topics whose contract exists before the service producing them: each moves into its producer's
 * `produces` when that service is declared above.
 */
const TOPICS_AWAITING_THEIR_SERVICE: Readonly<Record<string, number>> = {
  // The communities service: membership changes keyed by community, after-action reviews by review.
  [COMMUNITY_TOPIC]: 3,
  [AFTER_ACTION_REVIEW_TOPIC]: 3,
  [QUESTION_TOPIC]: 3,
  // Assets shared in discussions and cited by knowledge-sharing events, keyed by thread and by event.
  [DISCUSSION_TOPIC]: 3,
  [SHARING_EVENT_TOPIC]: 3,
};

/** Topics with the partition count each is created with. */
export const TOPIC_PARTITIONS: Readonly<Record<string, number>> = Object.assign(
  {},
  ...BACKEND_SERVICES.map((service) => service.produces),
  TOPICS_AWAITING_THEIR_SERVICE,
);

export function backendService<Name extends BackendServiceName>(name: Name): Extract<(typeof BACKEND_SERVICES)[number], { name: Name }> {
  const service = BACKEND_SERVICES.find((candidate): candidate is Extract<(typeof BACKEND_SERVICES)[number], { name: Name }> => candidate.name === name);
  if (!service) throw new Error(`no service ${name} in libs/contracts BACKEND_SERVICES`);
  return service;
}

/** The gateway's upstream map, `name=http://host:port,...`; `hostOf` names where each service runs. */
export function gatewayUpstreams(services: ReadonlyArray<{ name: string; port: number }>, hostOf: (name: string) => string = () => '127.0.0.1'): string {
  return services.map((service) => `${service.name}=http://${hostOf(service.name)}:${service.port}`).join(',');
}
