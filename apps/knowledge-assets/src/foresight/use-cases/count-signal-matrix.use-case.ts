import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '#ikm/auth';
import type { SignalMatrixQuery } from '../dto/foresight.query.js';
import type { SignalMatrixResponse } from '../dto/signal-matrix.response.js';
import { ForesightRepository } from '../foresight.repository.js';
import { signalFilter } from './list-signals.use-case.js';

/** How many signals sit in each likelihood x impact cell, for a radar or heat map: the list's signals, counted in SQL. */
@Injectable()
export class CountSignalMatrixUseCase {
  constructor(private readonly foresight: ForesightRepository) {}

  execute({ user, query }: { user: AuthenticatedUser; query: SignalMatrixQuery }): Promise<SignalMatrixResponse> {
    return this.foresight.matrix(signalFilter(user, query));
  }
}
