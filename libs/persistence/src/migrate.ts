import type { Logger } from 'pino';
import { ensureDatabaseExists } from './ensure-database.js';
import { createServiceDataSource, type ServiceDataSourceOptions } from './data-source.js';

/** The `migrate` command of a service: create its database when missing, then apply pending migrations. */
export async function migrateDatabase(options: ServiceDataSourceOptions, logger: Logger): Promise<string[]> {
  const { created } = await ensureDatabaseExists(options.url);
  if (created) logger.info({ database: new URL(options.url).pathname.slice(1) }, 'database created');
  const dataSource = createServiceDataSource({ ...options, poolSize: 1 });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const names = applied.map((migration) => migration.name);
    logger.info({ applied: names }, names.length ? 'migrations applied' : 'schema up to date');
    return names;
  } finally {
    await dataSource.destroy();
  }
}
