export * from './ensure-database.js';
export * from './data-source.js';
export * from './migrate.js';
