import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { KNOWLEDGE_ASSET_TOPIC } from '#ikm/contracts';
import { InboxConsumer, InboxContext, type ConsumedEvent } from '#ikm/messaging';
import { KNOWLEDGE_ASSETS_REPLICA } from './knowledge-asset.replica.js';

/** Keeps the knowledge asset replica from the asset topic, in the inbox's transaction. */
@InboxConsumer()
export class KnowledgeAssetConsumer {
  @EventPattern<string>(KNOWLEDGE_ASSET_TOPIC)
  async onAssetEvent(@Payload() event: ConsumedEvent, @Ctx() context: InboxContext): Promise<void> {
    await KNOWLEDGE_ASSETS_REPLICA.apply(context.manager, event);
  }
}
