export * from './idempotency-key.js';
export * from './idempotency-key.store.js';
export * from './idempotency.errors.js';
export * from './idempotency.interceptor.js';
export * from './idempotency.migrations.js';
export * from './idempotency.module.js';
export * from './request-fingerprint.js';
