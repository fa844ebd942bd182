// The two modules it needs rather than #ikm/auth's entry, which loads NestJS (as `npm run token` does).
import { signDevelopmentToken } from '../libs/auth/src/development-token.js';
import { ROLES, type Role } from '../libs/auth/src/authenticated-user.js';
import { BACKEND_SERVICES } from '#ikm/contracts';
import { loadServiceConfig } from '#ikm/config';
import cliProgress from 'cli-progress';
import { parseArgs } from 'node:util';

/**
 * `npm run harvest -- <source id or name>`: starts a harvest of the source (or follows the one under way)
 * through the knowledge-assets API, with a progress bar: records done of the repository's
 * completeListSize when it gives one. Calls as a development user (--sub, --roles, --unit; an ikmu_admin
 * by default) or with --token; KNOWLEDGE_ASSETS_URL (default the local service) says where.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sub: { type: 'string', default: 'harvest-cli' },
    roles: { type: 'string', default: 'ikmu_admin' },
    unit: { type: 'string' },
    token: { type: 'string' },
    follow: { type: 'boolean', default: false },
  },
});
const reference = positionals.join(' ').trim();
if (!reference) {
  console.error('usage: npm run harvest -- <source id or name> [--follow] [--sub ..] [--roles km_officer --unit ..] [--token ..]');
  process.exit(2);
}
const port = BACKEND_SERVICES.find((service) => service.name === 'knowledge-assets')!.port;
const base = `${process.env.KNOWLEDGE_ASSETS_URL ?? `http://127.0.0.1:${port}`}/knowledge-assets`;

async function bearer(): Promise<string> {
  if (values.token) return values.token;
  if (process.env.AUTH_JWKS_URL) throw new Error('AUTH_JWKS_URL is set: pass a token from the identity provider with --token.');
  const roles = values.roles.split(',').map((role) => role.trim()) as Role[];
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length) throw new Error(`unknown role(s): ${unknown.join(', ')}`);
  const config = loadServiceConfig({ port: 0, database: 'unused' }, { NODE_ENV: 'development', ...process.env });
  if (!config.AUTH_JWT_SECRET) throw new Error('AUTH_JWT_SECRET is not set.');
  return signDevelopmentToken(config.AUTH_JWT_SECRET, { sub: values.sub, roles, unit: values.unit }, { issuer: config.AUTH_JWT_ISSUER, audience: config.AUTH_JWT_AUDIENCE, expiresIn: '1h' });
}

const token = await bearer();
async function call<T>(method: string, path: string): Promise<T> {
  const response = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json().catch(() => ({}))) as T & { detail?: string; title?: string };
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${body.detail ?? body.title ?? ''}`);
  return body;
}

interface Source { id: string; name: string; baseUrl: string; lastDatestamp: string | null }
interface Job { id: string; status: string; total: number | null; processed: number; counts: Record<string, number>; error: string | null }

const UNFINISHED = new Set(['queued', 'running']);

try {
  const sources = (await call<{ items: Source[] }>('GET', '/harvest-sources')).items;
  const source = sources.find((candidate) => candidate.id === reference || candidate.name.toLowerCase() === reference.toLowerCase());
  if (!source) throw new Error(`no harvest source ${JSON.stringify(reference)}; known: ${sources.map((candidate) => candidate.name).join(', ') || 'none'}`);
  const underWay = (await call<Job[]>('GET', `/harvest-sources/${source.id}/harvests`)).find((job) => UNFINISHED.has(job.status));
  let job: Job;
  if (underWay) {
    console.log(`following harvest ${underWay.id} of ${source.name}`);
    job = underWay;
  } else if (values.follow) {
    throw new Error(`no harvest of ${source.name} under way`);
  } else {
    job = await call<Job>('POST', `/harvest-sources/${source.id}/harvests`);
    console.log(`harvest ${job.id} of ${source.name} (${source.baseUrl}) ${source.lastDatestamp ? `from ${source.lastDatestamp}` : 'from the start'}`);
  }
  const bar = new cliProgress.SingleBar(
    { format: ' {bar} {value}/{totalText} records | created {created} updated {updated} unchanged {unchanged} deleted {deleted} rejected {rejected} | {status}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const payload = (current: Job) => ({ ...current.counts, status: current.status, totalText: current.total ?? '?' });
  // Without completeListSize the bar's end is unknown: it grows with what is done.
  bar.start(job.total ?? Math.max(job.processed, 1), job.processed, payload(job));
  while (UNFINISHED.has(job.status)) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    job = await call<Job>('GET', `/ingestion-jobs/${job.id}`);
    bar.setTotal(job.total ?? Math.max(job.processed, 1));
    bar.update(job.processed, payload(job));
  }
  bar.stop();
  if (job.status !== 'completed') throw new Error(`harvest ${job.status}${job.error ? `: ${job.error}` : ''}`);
  console.log(`done: report at ${base}/ingestion-jobs/${job.id}/records`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
