import { serviceVariable } from './platform.js';

describe('a service variable of npm start', () => {
  it.each([
    ['ideas', 'PORT', 'IDEAS_PORT'],
    ['knowledge-assets', 'DATABASE_URL', 'KNOWLEDGE_ASSETS_DATABASE_URL'],
    ['capacity-building', 'PORT', 'CAPACITY_BUILDING_PORT'],
  ] as const)('of %s for %s is %s, a name a shell can set', (service, variable, expected) => {
    expect(serviceVariable(service, variable)).toBe(expected);
  });
});
