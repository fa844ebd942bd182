import pRetry, { AbortError } from 'p-retry';
import { MalformedOaiResponseError, OaiPmhError, parseIdentify, parseListRecords, type IdentifyResponse, type ListRecordsPage } from './oai-pmh-response.js';

/** Where a list starts: its first request's arguments, or the token of the page to fetch next (exclusive, §3.5). */
export type ListRecordsRequest = { metadataPrefix: string; set?: string | null; from?: string | null } | { resumptionToken: string };

export interface OaiPmhClientOptions {
  /** Attempts after the first for one request (a 503, a 5xx, a dropped connection, a garbled body). */
  retries?: number;
  minTimeoutMs?: number;
  maxTimeoutMs?: number;
  /** Longest Retry-After honoured from a 503 (§3.1.2.2 flow control), so a harvest never sleeps for hours. */
  maxRetryAfterMs?: number;
  timeoutMs?: number;
  onRetry?: (error: Error, attempt: number) => void;
}

class RetryableHttpError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | null,
  ) {
    super(`HTTP ${status}`);
  }
}

function retryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/**
 * A harvester's side of OAI-PMH over HTTP GET: Identify and ListRecords, each request retried with
 * backoff (bounded) on what passes, never on the repository's own OAI errors (a bad argument stays bad).
 */
export class OaiPmhClient {
  private readonly options: Required<Omit<OaiPmhClientOptions, 'onRetry'>> & Pick<OaiPmhClientOptions, 'onRetry'>;

  constructor(
    private readonly baseUrl: string,
    options: OaiPmhClientOptions = {},
  ) {
    this.options = { retries: 4, minTimeoutMs: 250, maxTimeoutMs: 5_000, maxRetryAfterMs: 30_000, timeoutMs: 60_000, ...options };
  }

  identify(): Promise<IdentifyResponse> {
    return this.request({ verb: 'Identify' }, parseIdentify);
  }

  /** One page; `noRecordsMatch` is answered as an empty last page. */
  async listRecords(request: ListRecordsRequest): Promise<ListRecordsPage> {
    try {
      return await this.request({ verb: 'ListRecords', ...listArguments(request) }, parseListRecords);
    } catch (error) {
      if (error instanceof OaiPmhError && error.code === 'noRecordsMatch') return { responseDate: null, records: [], resumption: null };
      throw error;
    }
  }

  /** The URL of a request: exported for the logs and the tests. */
  url(parameters: Record<string, string>): string {
    const url = new URL(this.baseUrl);
    for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
    return url.toString();
  }

  private request<T>(parameters: Record<string, string>, parse: (xml: string) => T): Promise<T> {
    const url = this.url(parameters);
    return pRetry(
      async () => {
        let response: Response;
        try {
          response = await fetch(url, { headers: { accept: 'text/xml, application/xml' }, signal: AbortSignal.timeout(this.options.timeoutMs) });
        } catch (error) {
          throw error instanceof Error && error.name === 'TimeoutError' ? new RetryableHttpError(0, null) : error;
        }
        if (response.status === 503 || response.status >= 500 || response.status === 429) {
          await response.body?.cancel();
          throw new RetryableHttpError(response.status, retryAfter(response.headers.get('retry-after')));
        }
        if (!response.ok) {
          await response.body?.cancel();
          throw new AbortError(`${url} answered HTTP ${response.status}`);
        }
        const xml = await response.text();
        try {
          return parse(xml);
        } catch (error) {
          // The repository's own answer (p-retry rethrows the OaiPmhError itself): asking again changes nothing.
          if (error instanceof OaiPmhError) throw new AbortError(error);
          throw error;
        }
      },
      {
        retries: this.options.retries,
        minTimeout: this.options.minTimeoutMs,
        maxTimeout: this.options.maxTimeoutMs,
        onFailedAttempt: async ({ error, attemptNumber }) => {
          this.options.onRetry?.(error, attemptNumber);
          // A 503 with Retry-After is the repository asking for a pause: wait that long (bounded) on top of the backoff.
          if (error instanceof RetryableHttpError && error.retryAfterMs) await new Promise((resolve) => setTimeout(resolve, Math.min(error.retryAfterMs!, this.options.maxRetryAfterMs)));
        },
        shouldRetry: ({ error }) => error instanceof RetryableHttpError || error instanceof MalformedOaiResponseError || error instanceof TypeError,
      },
    );
  }
}

function listArguments(request: ListRecordsRequest): Record<string, string> {
  if ('resumptionToken' in request) return { resumptionToken: request.resumptionToken };
  return {
    metadataPrefix: request.metadataPrefix,
    ...(request.set ? { set: request.set } : {}),
    ...(request.from ? { from: request.from } : {}),
  };
}

/** A datestamp as the repository's granularity takes it in `from` (§3.3.1): a day-granularity repository refuses seconds. */
export function fromArgument(datestamp: string, granularity: IdentifyResponse['granularity']): string {
  const instant = new Date(datestamp.length === 10 ? `${datestamp}T00:00:00Z` : datestamp);
  if (Number.isNaN(instant.getTime())) throw new Error(`not a UTC datetime: ${datestamp}`);
  const iso = instant.toISOString();
  return granularity === 'YYYY-MM-DD' ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`;
}
