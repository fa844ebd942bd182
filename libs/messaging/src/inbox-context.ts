import { BaseRpcContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import type { ConsumedEvent } from './cloudevent-codec.js';

/**
 * What an `@EventPattern` handler gets with `@Ctx()`: the transaction that also records the event in
 * the inbox. Handlers write through `manager` so their change commits or rolls back with the inbox row.
 */
export class InboxContext extends BaseRpcContext<[EntityManager, ConsumedEvent]> {
  get manager(): EntityManager {
    return this.args[0];
  }

  get event(): ConsumedEvent {
    return this.args[1];
  }
}
