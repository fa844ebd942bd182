import type { Role } from '#ikm/auth';
import type { IdeaStatus } from '#ikm/contracts';

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
export const IDEA_TRANSITIONS: Readonly<Record<IdeaStatus, Readonly<Partial<Record<IdeaStatus, readonly Capacity[]>>>>> = {
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
};

export function allowedTargets(from: IdeaStatus): IdeaStatus[] {
  return Object.keys(IDEA_TRANSITIONS[from]) as IdeaStatus[];
}

export function capacitiesOf(roles: readonly Role[], relation: Relation): Capacity[] {
  if (relation === 'member') return ['team'];
  // Invited to the team, they are not on it yet, but they have a stake in the idea as a member has.
  if (relation === 'invitee') return [];
  const capacities: Capacity[] = [];
  if (roles.includes('reviewer')) capacities.push('reviewer');
  if (roles.includes('ikmu_admin')) capacities.push('admin');
  return capacities;
}

export type TransitionCheck = { allowed: true } | { allowed: false; reason: 'invalid' } | { allowed: false; reason: 'forbidden'; who: readonly Capacity[] };

export function checkTransition(from: IdeaStatus, to: IdeaStatus, capacities: readonly Capacity[]): TransitionCheck {
  const who = IDEA_TRANSITIONS[from][to];
  if (!who) return { allowed: false, reason: 'invalid' };
  if (!who.some((capacity) => capacities.includes(capacity))) return { allowed: false, reason: 'forbidden', who };
  return { allowed: true };
}

/** The transitions this caller could make now (what a front end shows as buttons). */
export function transitionsFor(from: IdeaStatus, capacities: readonly Capacity[]): IdeaStatus[] {
  return allowedTargets(from).filter((to) => checkTransition(from, to, capacities).allowed);
}
