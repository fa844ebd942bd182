import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DISCUSSION_TOPIC, IDEA_TOPIC, SHARING_EVENT_TOPIC } from '#ikm/contracts';
import { InboxConsumer, InboxContext, type ConsumedEvent } from '#ikm/messaging';
import { REUSE_SOURCES_REPLICA } from './reuse-sources.replica.js';

/**
 * "Reused in": ideas citing assets, discussions sharing them and knowledge-sharing events citing them,
 * kept in the inbox's transaction (the replica skips event types it does not use). The ideas topic is
 * also capture's: Nest runs both handlers of a topic, one after the other, in the same transaction.
 */
@InboxConsumer()
export class ReuseConsumer {
  @EventPattern<string>(IDEA_TOPIC)
  async onIdeaEvent(@Payload() event: ConsumedEvent, @Ctx() context: InboxContext): Promise<void> {
    await REUSE_SOURCES_REPLICA.apply(context.manager, event);
  }

  @EventPattern<string>(DISCUSSION_TOPIC)
  async onDiscussionEvent(@Payload() event: ConsumedEvent, @Ctx() context: InboxContext): Promise<void> {
    await REUSE_SOURCES_REPLICA.apply(context.manager, event);
  }

  @EventPattern<string>(SHARING_EVENT_TOPIC)
  async onSharingEvent(@Payload() event: ConsumedEvent, @Ctx() context: InboxContext): Promise<void> {
    await REUSE_SOURCES_REPLICA.apply(context.manager, event);
  }
}
