export * from './service-core.module.js';
