export * from './eventually.js';
export * from './service-process.js';
export * from './test-environment.js';
export * from './test-kafka.js';
export * from './tokens.js';
export * from './test-identity-provider.js';
export * from './test-database.js';
export * from './tcp-proxy.js';
