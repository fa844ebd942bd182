import type { DataSource, QueryRunner } from 'typeorm';
import { OutboxSignal } from './outbox-signal.js';

/** A query runner as TypeORM hands it to subscribers: its user data and whether a transaction is still open. */
function transaction(): QueryRunner {
  return { data: {}, isTransactionActive: true } as unknown as QueryRunner;
}

function signalWithListener() {
  const dataSource = { subscribers: [] } as unknown as DataSource;
  const signal = new OutboxSignal(dataSource);
  const committed = { count: 0 };
  signal.onCommitted(() => (committed.count += 1));
  return { signal, committed, dataSource };
}

function commit(signal: OutboxSignal, queryRunner: QueryRunner, outermost = true): void {
  (queryRunner as { isTransactionActive: boolean }).isTransactionActive = !outermost;
  signal.afterTransactionCommit({ queryRunner } as Parameters<OutboxSignal['afterTransactionCommit']>[0]);
}

function rollback(signal: OutboxSignal, queryRunner: QueryRunner): void {
  (queryRunner as { isTransactionActive: boolean }).isTransactionActive = false;
  signal.afterTransactionRollback({ queryRunner } as Parameters<OutboxSignal['afterTransactionRollback']>[0]);
}

describe('OutboxSignal', () => {
  it('joins the data source as a subscriber when the module starts', () => {
    const { signal, dataSource } = signalWithListener();
    signal.onModuleInit();
    expect(dataSource.subscribers).toContain(signal);
  });

  it('signals once when a transaction that appended commits', () => {
    const { signal, committed } = signalWithListener();
    const queryRunner = transaction();
    signal.markAppended(queryRunner);
    signal.markAppended(queryRunner);
    commit(signal, queryRunner);
    expect(committed.count).toBe(1);
  });

  it('does not signal a commit that appended nothing', () => {
    const { signal, committed } = signalWithListener();
    commit(signal, transaction());
    expect(committed.count).toBe(0);
  });

  it('waits for the outermost commit, not a released savepoint', () => {
    const { signal, committed } = signalWithListener();
    const queryRunner = transaction();
    signal.markAppended(queryRunner);
    commit(signal, queryRunner, false);
    expect(committed.count).toBe(0);
    commit(signal, queryRunner);
    expect(committed.count).toBe(1);
  });

  it('forgets an append that was rolled back, so the runner carries nothing into a later transaction', () => {
    const { signal, committed } = signalWithListener();
    const queryRunner = transaction();
    signal.markAppended(queryRunner);
    rollback(signal, queryRunner);
    commit(signal, queryRunner);
    expect(committed.count).toBe(0);
  });

  it('stops calling a listener once it is removed', () => {
    const dataSource = { subscribers: [] } as unknown as DataSource;
    const signal = new OutboxSignal(dataSource);
    const committed = { count: 0 };
    const remove = signal.onCommitted(() => (committed.count += 1));
    remove();
    const queryRunner = transaction();
    signal.markAppended(queryRunner);
    commit(signal, queryRunner);
    expect(committed.count).toBe(0);
  });
});
