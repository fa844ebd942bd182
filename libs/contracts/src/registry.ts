import { COMMUNITIES_SERVICE_EVENTS } from './communities.events.js';
import type { EventContract } from './event-contract.js';
import { IDEAS_SERVICE_EVENTS } from './ideas.events.js';
import { KNOWLEDGE_ASSETS_SERVICE_EVENTS } from './knowledge-assets.events.js';
import { TAXONOMY_EVENTS } from './taxonomy.events.js';

/** Every event contract the platform knows, by CloudEvents type. */
const CONTRACTS: ReadonlyMap<string, EventContract> = new Map(
  [...IDEAS_SERVICE_EVENTS, ...KNOWLEDGE_ASSETS_SERVICE_EVENTS, ...TAXONOMY_EVENTS, ...COMMUNITIES_SERVICE_EVENTS].map((contract) => [contract.type, contract] as const),
);

export function findContract(type: string): EventContract | undefined {
  return CONTRACTS.get(type);
}

export function allContracts(): EventContract[] {
  return [...CONTRACTS.values()];
}
