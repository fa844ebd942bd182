import { createServiceDataSource, isDatabaseUnavailable } from '#ikm/persistence';
import { eventually, TcpProxy, testDatabase } from '#ikm/testing';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * A connection lost under a held query runner: TypeORM releases the runner when its connection reports
 * an error, and every later query on it fails with "Query runner already released". That failure must
 * still read as the database being unavailable (a 503, one outage episode, a relay that waits), not as
 * a bug: the patch applied at install (patches/typeorm+1.1.1.patch) keeps the connection error as its cause.
 */
const proxy = new TcpProxy(testDatabase('postgres'));
let dataSource: DataSource;

beforeAll(async () => {
  await proxy.start();
  dataSource = createServiceDataSource({ url: proxy.url, entities: [], migrations: [], poolSize: 2 });
  await dataSource.initialize();
});

afterAll(async () => {
  await dataSource.destroy().catch(() => undefined);
  await proxy.cut();
});

it('says the database is unavailable when a query follows the loss of the runner’s connection', async () => {
  const runner: QueryRunner = dataSource.createQueryRunner();
  await runner.connect();
  expect(await runner.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  await proxy.cut();
  // The connection's error event reaches TypeORM, which releases the runner.
  await eventually(() => expect(runner.isReleased).toBe(true));

  const failure = await runner.query('SELECT 1').then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toMatchObject({ name: 'QueryRunnerAlreadyReleasedError' });
  expect(isDatabaseUnavailable(failure)).toBe(true);
  await proxy.start();
});
