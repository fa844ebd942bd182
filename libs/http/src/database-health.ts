import type { DataSource } from 'typeorm';
import type { HealthIndicator } from './health.controller.js';

/** The service's own database: without it nothing works, so it is critical. */
export function databaseHealth(dataSource: DataSource): HealthIndicator {
  return {
    name: 'database',
    critical: true,
    check: async () => {
      await dataSource.query('SELECT 1');
      return { up: true };
    },
  };
}
