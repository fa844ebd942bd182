import type { IdeaStatus } from '#ikm/contracts';

/** The way forward through the funnel. An idea may skip a stage (accepted → adopted, no experiment). */
export const FORWARD_CHAIN = ['submitted', 'in_review', 'accepted', 'in_experiment', 'adopted', 'scaled'] as const satisfies readonly IdeaStatus[];

export interface ConversionStep {
  from: IdeaStatus;
  to: IdeaStatus;
}

/** Each stage of the chain to the next, then submission to adoption overall. */
export const CONVERSION_STEPS: readonly ConversionStep[] = [
  ...FORWARD_CHAIN.slice(1).map((to, index) => ({ from: FORWARD_CHAIN[index], to })),
  { from: 'submitted', to: 'adopted' },
];

