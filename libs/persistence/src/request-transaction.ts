import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';

type Work<T> = (manager: EntityManager) => Promise<T>;
type IsolationLevel = NonNullable<Parameters<QueryRunner['startTransaction']>[0]>;

const current = new AsyncLocalStorage<RequestTransaction>();

/**
 * One transaction for all the writes of a request, committed only when the request says so: the
 * transactions its use cases open with `dataSource.transaction(...)` (on a `RequestScopedDataSource`)
 * become parts of it (savepoints after the first), and it stays open after they return until
 * `commit` is called with one more piece of work, which lands in the same COMMIT.
 *
 * This is how an idempotent request records its response with its effects: if the COMMIT is lost
 * (the connection breaks before its answer), either both were committed or neither, so a retry finds
 * the recorded response exactly when the write happened. The price: the request holds its connection
 * and its row locks until its response is ready, a little longer than the use case alone would.
 */
export class RequestTransaction {
  private runner?: QueryRunner;

  constructor(private readonly dataSource: DataSource) {}

  /** The request transaction of the data source in the current async context, if any. */
  static of(dataSource: DataSource): RequestTransaction | undefined {
    const transaction = current.getStore();
    return transaction?.dataSource === dataSource ? transaction : undefined;
  }

  /** Runs `work` (the request's handler) with this transaction as its own. */
  run<T>(work: () => T): T {
    return current.run(this, work);
  }

  /** What `dataSource.transaction(work)` does inside the request. */
  async transaction<T>(isolation: IsolationLevel | undefined, work: Work<T>): Promise<T> {
    // A later part cannot change the isolation level of the transaction under way: it runs in a savepoint.
    if (this.runner) return this.runner.manager.transaction(work);
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.startTransaction(isolation);
    } catch (error) {
      await runner.release();
      throw error;
    }
    this.runner = runner;
    try {
      return await work(runner.manager);
    } catch (error) {
      await this.rollback();
      throw error;
    }
  }

  /** Runs `last` in the transaction (opening one if the request wrote nothing) and commits it all. */
  async commit(last: Work<void>): Promise<void> {
    try {
      if (this.runner) await last(this.runner.manager);
      else await this.transaction(undefined, last);
      await this.runner!.commitTransaction();
    } finally {
      await this.rollback();
    }
  }

  /** Undoes whatever the request wrote; a no-op once committed or when nothing was written. */
  async rollback(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    if (!runner) return;
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
  }
}

/**
 * The services' DataSource: `transaction(...)` joins the request transaction of the current request
 * when there is one (an idempotent write), and is TypeORM's own otherwise.
 */
export class RequestScopedDataSource extends DataSource {
  override transaction<T>(work: Work<T>): Promise<T>;
  override transaction<T>(isolation: IsolationLevel, work: Work<T>): Promise<T>;
  override transaction<T>(isolationOrWork: IsolationLevel | Work<T>, maybeWork?: Work<T>): Promise<T> {
    const request = RequestTransaction.of(this);
    const isolation = typeof isolationOrWork === 'string' ? isolationOrWork : undefined;
    const work = typeof isolationOrWork === 'function' ? isolationOrWork : maybeWork!;
    if (request) return request.transaction(isolation, work);
    return isolation ? super.transaction(isolation, work) : super.transaction(work);
  }
}
