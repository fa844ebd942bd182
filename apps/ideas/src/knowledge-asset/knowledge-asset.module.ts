import { Module } from '@nestjs/common';
import { KnowledgeAssetConsumer } from './knowledge-asset.consumer.js';

@Module({ controllers: [KnowledgeAssetConsumer] })
export class KnowledgeAssetModule {}
