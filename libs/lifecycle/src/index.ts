export * from './lifecycle.js';
export * from './transition-history.js';
