import { cleanEnv, makeValidator, num } from 'envalid';

const timeOfDay = makeValidator<string>((value) => {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) throw new Error('must be a time of day HH:MM (UTC), e.g. 02:30');
  return value;
});

/** The daily review job's time and what counts as unused; read once at boot with the rest of the config. */
export function loadReviewSettings(env: NodeJS.ProcessEnv = process.env) {
  return cleanEnv(env, {
    REVIEW_JOB_TIME: timeOfDay({ default: '02:00', desc: 'when the daily review job runs, HH:MM UTC (one instance runs it, under an advisory lock)' }),
    REVIEW_UNUSED_AFTER_DAYS: num({ default: 365, desc: 'a published asset nobody viewed or downloaded for this many days is flagged unused' }),
  });
}

export type ReviewSettings = ReturnType<typeof loadReviewSettings>;
export const REVIEW_SETTINGS = Symbol('REVIEW_SETTINGS');
