import pRetry from 'p-retry';

/** Retries an assertion until it passes or the time is up; the last failure is what the test reports. */
export function eventually<T>(assertion: () => Promise<T> | T, timeoutMs = 20_000, intervalMs = 100): Promise<T> {
  return pRetry(async () => assertion(), {
    retries: Number.POSITIVE_INFINITY,
    minTimeout: intervalMs,
    maxTimeout: intervalMs,
    factor: 1,
    maxRetryTime: timeoutMs,
  });
}
