export * from './problem-details.js';
export * from './domain-error.js';
