import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { COMMUNITY_TOPIC } from '#ikm/contracts';
import { InboxConsumer, InboxContext, type ConsumedEvent } from '#ikm/messaging';
import { COMMUNITY_MEMBERSHIP_REPLICA } from './community-membership.replica.js';

/** Keeps the community membership replica from the communities' topic, in the inbox's transaction. */
@InboxConsumer()
export class CommunityMembershipConsumer {
  @EventPattern<string>(COMMUNITY_TOPIC)
  async onCommunityEvent(@Payload() event: ConsumedEvent, @Ctx() context: InboxContext): Promise<void> {
    await COMMUNITY_MEMBERSHIP_REPLICA.apply(context.manager, event);
  }
}
