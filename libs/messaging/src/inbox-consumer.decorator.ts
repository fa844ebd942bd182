import { applyDecorators, Catch, Controller, UseFilters, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter replaces an unexpected error with "Internal server error". The inbox
 * consumer needs the original error to decide on retries and to write it into the dead letter.
 */
@Catch()
class RethrowRpcErrorsFilter implements RpcExceptionFilter<unknown> {
  catch(error: unknown): Observable<never> {
    return throwError(() => error);
  }
}

/**
 * Marks a class of `@EventPattern` handlers served by the KafkaInboxServer. (A global filter cannot be
 * used: a hybrid application initialises its microservice before global filters could be added.)
 */
export function InboxConsumer(): ClassDecorator {
  return applyDecorators(Controller(), UseFilters(new RethrowRpcErrorsFilter()));
}
