import pRetry from 'p-retry';

/** Retries an assertion until it passes or the time is up; the last failure is what the test reports. */
export function eventually<T>(assertion: () => Promise<T> | T, timeoutMs = 20_000, intervalMs = 100): Promise<T> {
  return pRetry(
    async () => {
      try {
        return await assertion();
      } catch (error) {
        // Errors from Node's own realm (fetch's TypeError) are not `instanceof Error` inside Jest's VM
        // context, and p-retry would stop on them; re-create them here so they are retried.
        throw error instanceof Error && !(error instanceof TypeError) ? error : new Error(String(error));
      }
    },
    { retries: Number.POSITIVE_INFINITY, minTimeout: intervalMs, maxTimeout: intervalMs, factor: 1, maxRetryTime: timeoutMs },
  );
}
