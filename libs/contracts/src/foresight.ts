import { z } from 'zod';

/**
 * The vocabulary of foresight assets (the strategy's paragraph 16: "why is this happening", "what may
 * happen next", "how to respond now"), shared by the service and whoever consumes its asset events.
 *
 * Driver categories: STEEPLED, the horizon-scanning checklist that extends STEEP (social,
 * technological, economic, environmental, political) with legal, ethical and demographic forces. The
 * last three are where the world of work's own drivers sit: labour law and standards (legal), decent
 * work and fairness (ethical), and ageing, youth bulges and migration (demographic), which the ILO's
 * Global Commission on the Future of Work names beside technology and climate change.
 */
export const FORESIGHT_DRIVER_CATEGORIES = ['social', 'technological', 'economic', 'environmental', 'political', 'legal', 'ethical', 'demographic'] as const;
export type ForesightDriverCategory = (typeof FORESIGHT_DRIVER_CATEGORIES)[number];

/**
 * Likelihood and impact on the five-point ordinal scales of a risk matrix (ISO 31000 practice), so a
 * signal places on a 5 x 5 radar: likelihood 1 rare (under 10 %), 2 unlikely (10-35 %), 3 possible
 * (35-65 %), 4 likely (65-90 %), 5 almost certain (over 90 %) within its horizon; impact on the world of
 * work 1 negligible, 2 minor, 3 moderate, 4 major, 5 transformative.
 */
export const FORESIGHT_SCALE = { min: 1, max: 5 } as const;
export const LIKELIHOOD_LEVELS = ['rare', 'unlikely', 'possible', 'likely', 'almost_certain'] as const;
export const IMPACT_LEVELS = ['negligible', 'minor', 'moderate', 'major', 'transformative'] as const;

/** Years a horizon may span: foresight on the world of work reaches to the end of the century (2100). */
export const FORESIGHT_HORIZON_YEARS = { min: 2000, max: 2100 } as const;

const rating = z.number().int().min(FORESIGHT_SCALE.min).max(FORESIGHT_SCALE.max);
const texts = z.record(z.string().min(2).max(35), z.string());

/**
 * A foresight asset's own fields as its events carry them (optional: present only on the foresight
 * types, so every other asset's events are as before). A signal has drivers, likelihood, impact and
 * sources; a scenario its narrative and the signals it groups; both a horizon.
 */
export const foresightDetails = {
  /** Forces behind a signal: a category and, optionally, the force in words, by BCP 47 language. */
  drivers: z.array(z.object({ category: z.enum(FORESIGHT_DRIVER_CATEGORIES), description: texts.nullable() })).optional(),
  /** The years within which the change is expected to become significant, both included. */
  horizon: z.object({ from: z.number().int(), to: z.number().int() }).nullable().optional(),
  likelihood: rating.nullable().optional(),
  impact: rating.nullable().optional(),
  /** Evidence: a URL or another asset's id, with a note. */
  sources: z.array(z.object({ url: z.url().nullable(), assetId: z.uuid().nullable(), note: z.string().nullable() })).optional(),
  /** A scenario's story, by BCP 47 language. */
  narrative: texts.optional(),
  /** The asset ids of the foresight signals a scenario groups. */
  signals: z.array(z.uuid()).optional(),
};
