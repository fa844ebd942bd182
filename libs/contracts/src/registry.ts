import type { EventContract } from './event-contract.js';
import { IDEA_EVENTS } from './ideas.events.js';

/** Every event contract the platform knows, by CloudEvents type. */
const CONTRACTS: ReadonlyMap<string, EventContract> = new Map(
  [...IDEA_EVENTS].map((contract) => [contract.type, contract] as const),
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
};
