import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What follows one unit of work (an HTTP request or a consumed event) across async calls: the
 * correlation id that ties logs of the request, the event it emits and the consumer's handling together.
 */
export interface RequestContext {
  correlationId: string;
  traceparent?: string;
  /** Subject of the acting user, when known. */
  actor?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}
