import { DiscussionSharedAssetsChangedV1, IdeaCreatedV1, IdeaUpdatedV1, SharingEventCitedAssetsChangedV1 } from '#ikm/contracts';
import { defineReplica, upsertOn } from '#ikm/replica';

/**
 * What cites which assets ("reused in"): one row per idea, discussion thread and knowledge-sharing
 * event, its whole list of cited assets at its version (libs/replica applies only a newer one, so a
 * redelivered event changes nothing and a later one that no longer names an asset removes the link).
 * An idea's update names its assets only when they changed: otherwise only its version moves on.
 */
export const REUSE_SOURCES_REPLICA = defineReplica({
  table: 'asset_reuse_sources',
  key: 'source_key',
  version: 'version',
  on: [
    upsertOn(IdeaCreatedV1, (idea) => ({
      source_key: `idea:${idea.ideaId}`,
      version: idea.version,
      kind: 'idea',
      source_id: idea.ideaId,
      title: idea.title,
      asset_ids: [...new Set(idea.knowledgeAssetIds ?? [])],
      changed_at: idea.createdAt,
    })),
    upsertOn(IdeaUpdatedV1, (idea) => ({
      source_key: `idea:${idea.ideaId}`,
      version: idea.version,
      kind: 'idea',
      source_id: idea.ideaId,
      ...(idea.changes.title === undefined ? {} : { title: idea.changes.title }),
      ...(idea.changes.knowledgeAssetIds === undefined ? {} : { asset_ids: [...new Set(idea.changes.knowledgeAssetIds)], changed_at: idea.updatedAt }),
      // A row first made by an update (its creation came before this service listened) needs a time.
      ...(idea.changes.knowledgeAssetIds === undefined ? { changed_at: idea.updatedAt } : {}),
    })),
    upsertOn(DiscussionSharedAssetsChangedV1, (thread) => ({
      source_key: `discussion:${thread.discussionId}`,
      version: thread.version,
      kind: 'discussion',
      source_id: thread.discussionId,
      community_id: thread.communityId,
      title: thread.title,
      asset_ids: [...new Set(thread.knowledgeAssetIds)],
      changed_at: thread.changedAt,
    })),
    upsertOn(SharingEventCitedAssetsChangedV1, (sharing) => ({
      source_key: `sharing_event:${sharing.sharingEventId}`,
      version: sharing.version,
      kind: 'sharing_event',
      source_id: sharing.sharingEventId,
      community_id: sharing.communityId,
      title: sharing.title,
      asset_ids: [...new Set(sharing.knowledgeAssetIds)],
      changed_at: sharing.changedAt,
    })),
  ],
});
