import type { Role } from '#ikm/auth';
import type { AssetStatus } from '#ikm/contracts';
import { Lifecycle, TransitionHistory } from '#ikm/lifecycle';

/**
 * In what capacity someone acts on a version: its owners edit and submit, a publisher publishes, sends
 * back or retires; `successor` is the capacity of a newer version being published, which supersedes
 * the one before (no person has it).
 */
export type Capacity = 'owner' | 'publisher' | 'successor';

/**
 * Where someone stands towards a version: the publishing unit's km_officer (its gatekeeper: an owner
 * who also publishes), one of its creators, or neither.
 */
export type Relation = 'unit_officer' | 'creator' | 'outsider';

/** The lifecycle of one version of an asset; shared/PRODUCT.md describes it in words. */
export const ASSET_LIFECYCLE = new Lifecycle<AssetStatus, Capacity, Relation, Role>(
  {
    draft: { in_review: ['owner'] },
    in_review: { published: ['publisher'], draft: ['publisher'] },
    published: { superseded: ['successor'], retired: ['publisher'] },
    superseded: {},
    retired: {},
  },
  {
    // A creator acts only as an owner, whatever their roles: nobody publishes their own work, except
    // the unit's km_officer, whose office it is.
    relations: { unit_officer: ['owner', 'publisher'], creator: ['owner'] },
    roles: { ikmu_admin: 'publisher' },
  },
);

/** Who moved each version, when and why (created by the service's first migration). */
export const ASSET_HISTORY = new TransitionHistory<AssetStatus>({ table: 'asset_version_transitions', subjectColumn: 'version_id' });
