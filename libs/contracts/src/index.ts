export * from './event-contract.js';
export * from './ideas.events.js';
export * from './knowledge.events.js';
export * from './registry.js';
