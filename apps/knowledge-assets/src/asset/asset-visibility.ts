import { INTERNAL_ROLES } from '#ikm/auth';
import type { SqlParameters } from '#ikm/pagination';
import type { Actor } from './asset.entity.js';

/**
 * Who may read what of a version row (alias `v`), as SQL evaluated inside every query that reads
 * versions, so that no page, count or single read ever holds a row, or content, the viewer may not see.
 * Two conditions, as repositories such as InvenioRDM and DSpace keep an embargoed record discoverable:
 *
 * - `recordVisibleTo`: the record (title, creators, dates, subjects, access and embargo date) follows the
 *   access level only;
 * - `contentVisibleTo`: its content (uploaded files, file links, abstract) is also withheld until the
 *   embargo date from all but the privileged.
 */

/**
 * The viewers who see every version, drafts and embargoed content included: its owners (creators with
 * the viewer's staff id), its unit's km_officers and ikmu_admins.
 */
function privileged(viewer: Actor, parameters: SqlParameters, v: string): string {
  const isAdmin = parameters.parameter(viewer.roles.includes('ikmu_admin'));
  const subject = parameters.parameter(viewer.userId);
  const officerOf = parameters.parameter(viewer.roles.includes('km_officer') ? (viewer.unit ?? null) : null);
  // Never NULL (an officer of no unit compares with NULL): `contentVisibleTo` is negated.
  return `${isAdmin}::boolean OR ${subject}::text = ANY(${v}.owner_ids) OR (${v}.publishing_unit = ${officerOf}::text) IS TRUE`;
}

/**
 * Whether the viewer may see the version's record: the privileged see every version; everyone else
 * published, superseded and retired versions, embargoed or not: public ones; internal ones if they have a
 * staff role (never constituents or the reporting role); restricted ones if they have a staff role and
 * belong to one of the units named, or, whatever their role, are members of one of the communities named
 * (the community admitted them; its membership comes from the communities service's events,
 * `community_members`, a replica).
 *
 * The viewer's communities are an uncorrelated subquery: PostgreSQL runs it once per query (an
 * InitPlan on the GIN index of member ids), not once per row.
 */
export function recordVisibleTo(viewer: Actor, parameters: SqlParameters, v = 'v'): string {
  const subject = parameters.parameter(viewer.userId);
  const isStaff = parameters.parameter(viewer.roles.some((role) => INTERNAL_ROLES.includes(role)));
  const unit = parameters.parameter(viewer.unit ?? null);
  return `(${privileged(viewer, parameters, v)}
    OR (${v}.status IN ('published', 'superseded', 'retired')
        AND (${v}.access_level = 'public'
             OR (${isStaff}::boolean AND (${v}.access_level = 'internal'
                                         OR (${v}.access_level = 'restricted' AND ${unit}::text = ANY(${v}.restricted_to_units))))
             OR (${v}.access_level = 'restricted'
                 AND ${v}.restricted_to_communities && ARRAY(SELECT community_id FROM community_members WHERE member_ids @> ARRAY[${subject}::text])))))`;
}

/**
 * Whether the viewer may see the content of a version whose record they see (use it only on rows
 * `recordVisibleTo` keeps): the privileged always; everyone else once its embargo is over (the day of
 * the embargo date included).
 */
export function contentVisibleTo(viewer: Actor, parameters: SqlParameters, v = 'v'): string {
  return `(${v}.embargo_until IS NULL OR ${v}.embargo_until <= current_date OR ${privileged(viewer, parameters, v)})`;
}
