import { DEFAULT_FILE_MAX_BYTES } from '#ikm/contracts';
import { cleanEnv, makeValidator, str } from 'envalid';

export const FILE_STORAGE_KINDS = ['postgres', 's3'] as const;
export type FileStorageKind = (typeof FILE_STORAGE_KINDS)[number];

const positiveBytes = makeValidator<number>((value) => {
  const bytes = Number(value);
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new Error('must be a whole number of bytes, at least 1');
  return bytes;
});

/** Uploaded files: where their bytes go and how large one may be; read once at boot with the rest of the config. */
export function loadFileSettings(env: NodeJS.ProcessEnv = process.env) {
  return cleanEnv(env, {
    FILE_STORAGE: str({ choices: FILE_STORAGE_KINDS, default: 'postgres', desc: 'where uploaded files are kept: postgres (default) or s3 (an S3-compatible object store)' }),
    FILE_MAX_BYTES: positiveBytes({ default: DEFAULT_FILE_MAX_BYTES, desc: 'the largest file one upload may bring, in bytes' }),
  });
}

export type FileSettings = ReturnType<typeof loadFileSettings>;
