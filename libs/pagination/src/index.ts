export * from './sql-parameters.js';
export * from './keyset.js';
export * from './page-query.js';
export * from './page.response.js';
