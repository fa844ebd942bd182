import { cleanEnv, num } from 'envalid';

/** Bulk import: how large one file may be, and how many records one transaction takes. */
export function loadImportSettings(env: NodeJS.ProcessEnv = process.env) {
  return cleanEnv(env, {
    IMPORT_MAX_BYTES: num({ default: 100 * 1024 * 1024, desc: 'the largest import file, in bytes' }),
    IMPORT_BATCH_SIZE: num({ default: 500, desc: 'records per transaction (and per resume point) of an import' }),
  });
}
export type ImportSettings = ReturnType<typeof loadImportSettings>;
export const IMPORT_SETTINGS = Symbol('ImportSettings');
