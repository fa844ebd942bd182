export * from './replica.js';
