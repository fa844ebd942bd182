import { ensureLocalPostgresServers, serviceVariable } from './platform.js';

describe('a service variable of npm start', () => {
  it.each([
    ['ideas', 'PORT', 'IDEAS_PORT'],
    ['knowledge-assets', 'DATABASE_URL', 'KNOWLEDGE_ASSETS_DATABASE_URL'],
    ['capacity-building', 'PORT', 'CAPACITY_BUILDING_PORT'],
  ] as const)('of %s for %s is %s, a name a shell can set', (service, variable, expected) => {
    expect(serviceVariable(service, variable)).toBe(expected);
  });
});

describe('the local PostgreSQL servers of npm run migrate and npm start', () => {
  it('are each started once, however many services have their database there', () => {
    const started: string[] = [];
    ensureLocalPostgresServers(
      ['postgres://postgres@127.0.0.1:5432/ikm_ideas', 'postgres://postgres@127.0.0.1:5432/ikm_metrics', 'postgres://postgres@127.0.0.1:5433/ikm_other'],
      (url) => started.push(new URL(url).host),
    );
    expect(started).toEqual(['127.0.0.1:5432', '127.0.0.1:5433']);
  });
});
