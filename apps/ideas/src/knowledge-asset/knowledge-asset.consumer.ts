import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { KNOWLEDGE_ASSET_TOPIC } from '#ikm/contracts';
import { InboxConsumer, InboxContext, type ConsumedEvent } from '#ikm/messaging';
import { KnowledgeAssetReplica } from './knowledge-asset.replica.js';

@InboxConsumer()
export class KnowledgeAssetConsumer {
  constructor(private readonly replica: KnowledgeAssetReplica) {}

  @EventPattern<string>(KNOWLEDGE_ASSET_TOPIC)
  onAssetEvent(@Payload() event: ConsumedEvent, @Ctx() context: InboxContext): Promise<void> {
    return this.replica.apply(context.manager, event);
  }
}
