import pino from 'pino';
import { DatabaseOutage } from './database-outage.js';

describe('DatabaseOutage.stop', () => {
  const unavailable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });

  it('ends an episode’s probing at once, so nothing of it runs after the process (or a test file) is done with it', async () => {
    const outage = new DatabaseOutage({ databaseUrl: 'postgres://127.0.0.1:1/none', logger: pino({ level: 'silent' }), probeIntervalMs: 60_000 });
    expect(outage.refuses(unavailable)).toBe(true);
    // An episode under way: a waiter is still waiting after its maximum.
    expect(await outage.waitUntilAvailable(20)).toBe(false);

    outage.stop();
    expect(await outage.waitUntilAvailable(1_000)).toBe(true);
  });
});
