export * from './ensure-database.js';
export * from './data-source.js';
export * from './pool-options.js';
export * from './migrate.js';
export * from './prepared-statement.js';
export * from './database-unavailable.js';
export * from './database-outage.js';
export * from './request-transaction.js';
