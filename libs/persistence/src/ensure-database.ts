import pg from 'pg';
import { sqlIdentifier } from './sql-identifier.js';

const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';

/**
 * Creates the service's database when it is missing, connecting to the server's `postgres` database.
 * Two services starting together may race to create it; the loser's error is expected and ignored.
 */
export async function ensureDatabaseExists(databaseUrl: string): Promise<{ created: boolean }> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const quoted = sqlIdentifier(name);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return { created: false };
    await client.query(`CREATE DATABASE ${quoted}`);
    return { created: true };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === DUPLICATE_DATABASE || code === UNIQUE_VIOLATION) return { created: false };
    throw error;
  } finally {
    await client.end();
  }
}
