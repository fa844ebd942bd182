import { ensureLocalPostgresServers, runMigrations, SERVICES, serviceDatabaseUrl } from './platform.js';

/**
 * `npm run migrate`: create every service's database when missing and apply its migrations, on a local
 * PostgreSQL server started (once, for all of them) when none answers.
 */
const withDatabase = SERVICES.filter((service) => service.database).map((service) => ({ service, url: serviceDatabaseUrl(service) }));
ensureLocalPostgresServers(withDatabase.map(({ url }) => url));
for (const { service, url } of withDatabase) {
  runMigrations(service.name, { NODE_ENV: process.env.NODE_ENV ?? 'development', DATABASE_URL: url });
}
