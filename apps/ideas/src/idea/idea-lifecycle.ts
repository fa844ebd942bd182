import type { Role } from '#ikm/auth';
import type { IdeaStatus } from '#ikm/contracts';
import { Lifecycle, TransitionHistory } from '#ikm/lifecycle';

/**
 * In what capacity someone acts on an idea. Nobody judges an idea they are on the team of: a reviewer
 * or an administrator who is a team member acts only as a team member on it.
 */
export type Capacity = 'team' | 'reviewer' | 'admin';

/** Where someone stands towards an idea's team. */
export type Relation = 'member' | 'invitee' | 'outsider';

/**
 * The lifecycle: for each state, the states it may move to and who may move it there. This table is
 * the single source of the graph; shared/PRODUCT.md describes it in words.
 */
export const IDEA_LIFECYCLE = new Lifecycle<IdeaStatus, Capacity, Relation, Role>(
  {
    draft: { submitted: ['team'], withdrawn: ['team'] },
    submitted: { in_review: ['reviewer', 'admin'], not_pursued: ['reviewer', 'admin'], withdrawn: ['team'] },
    in_review: { accepted: ['reviewer', 'admin'], not_pursued: ['reviewer', 'admin'], withdrawn: ['team'] },
    accepted: { in_experiment: ['team', 'admin'], adopted: ['admin'], not_pursued: ['admin'], withdrawn: ['team'] },
    in_experiment: { adopted: ['admin'], not_pursued: ['admin'], withdrawn: ['team'] },
    adopted: { scaled: ['admin'], archived: ['admin'] },
    scaled: { archived: ['admin'] },
    not_pursued: { archived: ['admin'] },
    withdrawn: { archived: ['admin'] },
    archived: {},
  },
  {
    // Invited to the team, they are not on it yet, but they have a stake in the idea as a member has.
    relations: { member: ['team'], invitee: [] },
    roles: { reviewer: 'reviewer', ikmu_admin: 'admin' },
  },
);

/** Who moved each idea, when and why (created by the ideas-lifecycle migration). */
export const IDEA_HISTORY = new TransitionHistory<IdeaStatus>({ table: 'idea_transitions', subjectColumn: 'idea_id' });
