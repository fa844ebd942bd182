import { KnowledgeAssetPublishedV1, type EventData } from '#ikm/contracts';
import { encodeCloudEvent } from '#ikm/messaging';
import type { Message } from 'kafkajs';
import { outboxRecord } from '#ikm/testing';

type AssetContent = Pick<EventData<typeof KnowledgeAssetPublishedV1>, 'title' | 'abstract' | 'subjects' | 'languages' | 'accessLevel'>;

/** A knowledge asset published by another service, as a Kafka record ideas' replica consumer reads. */
export function knowledgeAssetPublished(assetId: string, content: AssetContent): Message {
  return encodeCloudEvent(
    outboxRecord(KnowledgeAssetPublishedV1, assetId, {
      assetId,
      version: 1,
      type: 'good_practice',
      ...content,
      url: `https://labordoc.example.org/asset/${assetId}`,
      publishedAt: new Date().toISOString(),
    }),
  );
}
