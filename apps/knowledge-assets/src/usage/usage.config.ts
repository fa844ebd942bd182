import { bool, cleanEnv } from 'envalid';

/** Whether views and downloads are recorded; read once at boot with the rest of the config. */
export function loadUsageSettings(env: NodeJS.ProcessEnv = process.env) {
  return cleanEnv(env, {
    // Off only to measure what counting costs (the bench's usage scenario) or to stop it in an emergency.
    USAGE_COUNTING: bool({ default: true, desc: 'record successful views and downloads (COUNTER rules) for the usage API and events' }),
  });
}

export type UsageSettings = ReturnType<typeof loadUsageSettings>;
export const USAGE_SETTINGS = Symbol('USAGE_SETTINGS');
