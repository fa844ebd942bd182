import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { allContracts } from '#ikm/contracts';
import { InboxConsumer, InboxContext, type ConsumedEvent } from '#ikm/messaging';
import { RecordEventUseCase } from './use-cases/record-event.use-case.js';

/**
 * Every topic of the platform's event contracts: a new service's topic is logged as soon as its contracts
 * are registered, so a projection added later is rebuilt from its whole history. Each event is handled
 * the same way whatever its topic (logged, then offered to every projection, which picks the types it
 * declares), so one handler subscribes to them all.
 */
export const LOGGED_TOPICS = [...new Set(allContracts().map((contract) => contract.topic))];

@InboxConsumer()
export class EventLogConsumer {
  constructor(private readonly recordEvent: RecordEventUseCase) {}

  @EventPattern<string[]>(LOGGED_TOPICS)
  onEvent(@Payload() event: ConsumedEvent, @Ctx() context: InboxContext): Promise<void> {
    return this.recordEvent.execute(context.manager, event);
  }
}
