import type { EventContract } from './event-contract.js';
import { IDEAS_SERVICE_EVENTS } from './ideas.events.js';
import { KNOWLEDGE_EVENTS } from './knowledge.events.js';

/** Every event contract the platform knows, by CloudEvents type. */
const CONTRACTS: ReadonlyMap<string, EventContract> = new Map(
  [...IDEAS_SERVICE_EVENTS, ...KNOWLEDGE_EVENTS].map((contract) => [contract.type, contract] as const),
);

export function findContract(type: string): EventContract | undefined {
  return CONTRACTS.get(type);
}

export function allContracts(): EventContract[] {
  return [...CONTRACTS.values()];
}

/** Topics with the partition count each is created with: ordering holds per aggregate id (the key). */
export const TOPIC_PARTITIONS: Readonly<Record<string, number>> = {
  'ikm.ideas.idea': 6,
  'ikm.ideas.challenge': 3,
  'ikm.ideas.experiment': 3,
  'ikm.ideas.comment': 3,
  'ikm.knowledge.asset': 6,
};
