import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import {
  DataSource,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

/** Key in `QueryRunner.data`, TypeORM's place for what a transaction carries to its subscribers. */
const APPENDED = 'ikm.outboxAppended';

/**
 * Tells this process's outbox relay that a transaction which appended to the outbox has committed, so
 * the relay publishes at once instead of at its next poll.
 *
 * The signal stays inside the process on purpose. The earlier design woke the relay with a NOTIFY from
 * a trigger on the outbox, and PostgreSQL serialises the commits of all transactions that notify (one
 * lock for the notification queue, held until the commit, WAL flush included, is done), so notifying
 * writes cannot share a WAL flush; at 300 writes/s their COMMITs were seen waiting on that lock. Every
 * process that writes to an outbox runs a relay of its own, so an in-process signal reaches one that
 * can publish the row.
 */
@Injectable()
export class OutboxSignal implements EntitySubscriberInterface, OnModuleInit {
  private readonly committed = new EventEmitter();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    // TypeORM builds its subscribers from classes when the data source initialises; this one is a
    // Nest provider created after that, so it joins the data source's list itself.
    this.dataSource.subscribers.push(this);
  }

  /** Called by the outbox writer inside the transaction that appends. */
  markAppended(queryRunner: QueryRunner): void {
    queryRunner.data[APPENDED] = true;
  }

  /** Registers a listener for "an outbox append was committed"; returns its removal. */
  onCommitted(listener: () => void): () => void {
    this.committed.on('committed', listener);
    return () => this.committed.off('committed', listener);
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    // Releasing a savepoint is broadcast as a commit too; only the outermost commit makes rows visible.
    if (queryRunner.isTransactionActive || queryRunner.data[APPENDED] !== true) return;
    delete queryRunner.data[APPENDED];
    this.committed.emit('committed');
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) delete queryRunner.data[APPENDED];
  }
}
