import type { IdeaStatus } from '#ikm/contracts';

/**
 * The lifecycle of an idea: which states each state may move to. Roles guarding each transition come
 * with the full ideas service; this table is the single source of the graph.
 */
export const IDEA_TRANSITIONS: Readonly<Record<IdeaStatus, readonly IdeaStatus[]>> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['in_review', 'not_pursued', 'withdrawn'],
  in_review: ['accepted', 'not_pursued', 'withdrawn'],
  accepted: ['in_experiment', 'adopted', 'not_pursued', 'withdrawn'],
  in_experiment: ['adopted', 'not_pursued', 'withdrawn'],
  adopted: ['scaled', 'archived'],
  scaled: ['archived'],
  not_pursued: ['archived'],
  withdrawn: ['archived'],
  archived: [],
};

export function canTransition(from: IdeaStatus, to: IdeaStatus): boolean {
  return IDEA_TRANSITIONS[from].includes(to);
}
