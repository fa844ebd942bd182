import { INTERNAL_ROLES } from '#ikm/auth';
import type { SqlParameters } from '#ikm/pagination';
import type { Actor } from './asset.entity.js';

/**
 * The condition under which a viewer may read a version row (alias `v`), evaluated inside every query
 * that reads versions, so that no page, count or single read ever holds a row the viewer may not see:
 *
 * - its owners (creators with the viewer's staff id), its unit's km_officers and ikmu_admins see every
 *   version, drafts and embargoed ones included;
 * - everyone else sees published, superseded and retired versions whose embargo has passed: public
 *   ones; internal ones if they have a staff role (never constituents or the reporting role); restricted
 *   ones if they have a staff role and belong to one of the units named, or, whatever their role, are
 *   members of one of the communities named (the community admitted them; its membership comes from
 *   the communities service's events, `community_members`, a replica).
 *
 * The viewer's communities are an uncorrelated subquery: PostgreSQL runs it once per query (an
 * InitPlan on the GIN index of member ids), not once per row.
 */
export function visibleTo(viewer: Actor, parameters: SqlParameters, v = 'v'): string {
  const isAdmin = parameters.parameter(viewer.roles.includes('ikmu_admin'));
  const subject = parameters.parameter(viewer.userId);
  const officerOf = parameters.parameter(viewer.roles.includes('km_officer') ? (viewer.unit ?? null) : null);
  const isStaff = parameters.parameter(viewer.roles.some((role) => INTERNAL_ROLES.includes(role)));
  const unit = parameters.parameter(viewer.unit ?? null);
  return `(${isAdmin}::boolean OR ${subject}::text = ANY(${v}.owner_ids) OR ${v}.publishing_unit = ${officerOf}::text
    OR (${v}.status IN ('published', 'superseded', 'retired')
        AND (${v}.embargo_until IS NULL OR ${v}.embargo_until <= current_date)
        AND (${v}.access_level = 'public'
             OR (${isStaff}::boolean AND (${v}.access_level = 'internal'
                                         OR (${v}.access_level = 'restricted' AND ${unit}::text = ANY(${v}.restricted_to_units))))
             OR (${v}.access_level = 'restricted'
                 AND ${v}.restricted_to_communities && ARRAY(SELECT community_id FROM community_members WHERE member_ids @> ARRAY[${subject}::text])))))`;
}
