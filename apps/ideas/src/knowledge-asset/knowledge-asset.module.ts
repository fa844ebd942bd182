import { Module } from '@nestjs/common';
import { KnowledgeAssetConsumer } from './knowledge-asset.consumer.js';
import { KnowledgeAssetReplica } from './knowledge-asset.replica.js';

@Module({
  controllers: [KnowledgeAssetConsumer],
  providers: [KnowledgeAssetReplica],
})
export class KnowledgeAssetModule {}
