import { DataSource, type DataSourceOptions, type EntitySchema, type MigrationInterface } from 'typeorm';
import { poolOptions } from './pool-options.js';

type ClassOf<T> = new (...args: never[]) => T;

export interface ServiceDataSourceOptions {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Array<Function | EntitySchema>;
  migrations: Array<ClassOf<MigrationInterface>>;
  poolSize?: number;
}

/**
 * TypeORM options shared by every service. Schema changes only ever come from migrations run by an
 * explicit command, never from `synchronize`.
 */
export function serviceDataSourceOptions(options: ServiceDataSourceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    extra: poolOptions(options.poolSize),
  };
}

export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource(serviceDataSourceOptions(options));
}
