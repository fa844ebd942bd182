export * from './service-core.module.js';
export * from './run-service.js';
