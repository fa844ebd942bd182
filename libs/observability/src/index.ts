export * from './request-context.js';
export * from './logger.js';
export * from './outage-log.js';
export * from './error-causes.js';
