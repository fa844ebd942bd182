import { databaseUrl, runMigrations, SERVICES } from './platform.js';

/** `npm run migrate`: create every service's database when missing and apply its migrations. */
for (const service of SERVICES.filter((candidate) => candidate.database)) {
  runMigrations(service.name, {
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    DATABASE_URL: process.env[`${service.name.toUpperCase()}_DATABASE_URL`] ?? databaseUrl(service.database!),
  });
}
