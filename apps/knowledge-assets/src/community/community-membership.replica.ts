import { CommunityMembershipChangedV1 } from '#ikm/contracts';
import { defineReplica, upsertOn } from '#ikm/replica';

/**
 * Who is in each community, kept from the communities service's membership events alone: the list of
 * accepted members at the community's version (libs/replica applies only a newer one, so a redelivered
 * or late event never brings back someone who left). Read by the assets' visibility condition.
 */
export const COMMUNITY_MEMBERSHIP_REPLICA = defineReplica({
  table: 'community_members',
  key: 'community_id',
  version: 'version',
  on: [
    upsertOn(CommunityMembershipChangedV1, (community) => ({
      community_id: community.communityId,
      version: community.version,
      member_ids: [...new Set(community.members.map((member) => member.userId))],
    })),
  ],
});
