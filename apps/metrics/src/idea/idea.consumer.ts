import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { IDEA_TOPIC } from '#ikm/contracts';
import { InboxConsumer, InboxContext, type ConsumedEvent } from '#ikm/messaging';
import { RecordEventUseCase } from '../event-log/use-cases/record-event.use-case.js';

@InboxConsumer()
export class IdeaConsumer {
  constructor(private readonly recordEvent: RecordEventUseCase) {}

  @EventPattern<string>(IDEA_TOPIC)
  onIdeaEvent(@Payload() event: ConsumedEvent, @Ctx() context: InboxContext): Promise<void> {
    return this.recordEvent.execute(context.manager, event);
  }
}
