import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { IDEA_TOPIC } from '#ikm/contracts';
import { InboxConsumer, InboxContext, type ConsumedEvent } from '#ikm/messaging';
import { RecordIdeaEventUseCase } from './use-cases/record-idea-event.use-case.js';

@InboxConsumer()
export class IdeaConsumer {
  constructor(private readonly recordIdeaEvent: RecordIdeaEventUseCase) {}

  @EventPattern<string>(IDEA_TOPIC)
  onIdeaEvent(@Payload() event: ConsumedEvent, @Ctx() context: InboxContext): Promise<void> {
    return this.recordIdeaEvent.execute(context.manager, event);
  }
}
