import { databaseUrl, ensureLocalPostgres, runMigrations, SERVICES, serviceVariable } from './platform.js';

/**
 * `npm run migrate`: create every service's database when missing and apply its migrations, on a local
 * PostgreSQL server started for the purpose when none answers.
 */
for (const service of SERVICES.filter((candidate) => candidate.database)) {
  const url = process.env[serviceVariable(service.name, 'DATABASE_URL')] ?? databaseUrl(service.database!);
  ensureLocalPostgres(url);
  runMigrations(service.name, { NODE_ENV: process.env.NODE_ENV ?? 'development', DATABASE_URL: url });
}
