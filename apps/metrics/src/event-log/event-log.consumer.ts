import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CHALLENGE_TOPIC, COMMENT_TOPIC, EXPERIMENT_TOPIC, IDEA_TOPIC } from '#ikm/contracts';
import { InboxConsumer, InboxContext, type ConsumedEvent } from '#ikm/messaging';
import { RecordEventUseCase } from './use-cases/record-event.use-case.js';

/**
 * Every topic metrics reports on. Each event is handled the same way whatever its topic (logged, then
 * offered to every projection, which picks the types it knows), so one handler subscribes to them all.
 */
export const LOGGED_TOPICS = [IDEA_TOPIC, EXPERIMENT_TOPIC, CHALLENGE_TOPIC, COMMENT_TOPIC];

@InboxConsumer()
export class EventLogConsumer {
  constructor(private readonly recordEvent: RecordEventUseCase) {}

  @EventPattern<string[]>(LOGGED_TOPICS)
  onEvent(@Payload() event: ConsumedEvent, @Ctx() context: InboxContext): Promise<void> {
    return this.recordEvent.execute(context.manager, event);
  }
}
