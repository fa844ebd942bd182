export * from './communities.events.js';
export * from './event-contract.js';
export * from './foresight.js';
export * from './ideas.events.js';
export * from './knowledge-assets.events.js';
export * from './registry.js';
export * from './services.js';
export * from './taxonomy.events.js';
