import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '#ikm/auth';
import { uuidParam } from '#ikm/http';
import { actorOf } from '../asset/actor.js';
import { AssetPageResponse, AssetResponse } from '../asset/dto/asset.response.js';
import type { AssetVersion } from '../asset/asset.entity.js';
import type { Page } from '#ikm/pagination';
import { ListScenariosQuery, ListSignalsQuery, SignalMatrixQuery } from './dto/foresight.query.js';
import { SignalMatrixResponse } from './dto/signal-matrix.response.js';
import { CountSignalMatrixUseCase } from './use-cases/count-signal-matrix.use-case.js';
import { ListScenariosUseCase } from './use-cases/list-scenarios.use-case.js';
import { ListSignalsUseCase } from './use-cases/list-signals.use-case.js';

const pageFor = (user: AuthenticatedUser, page: Page<AssetVersion>): AssetPageResponse => ({
  items: page.items.map((version) => AssetResponse.of(version, actorOf(user))),
  nextCursor: page.nextCursor,
});

/** Foresight's own views of its assets (written, moved and versioned as every asset is, under /assets). */
@ApiTags('foresight')
@ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
@Controller('foresight')
export class ForesightController {
  constructor(
    private readonly listSignals: ListSignalsUseCase,
    private readonly listScenarios: ListScenariosUseCase,
    private readonly countMatrix: CountSignalMatrixUseCase,
  ) {}

  @ApiOperation({ summary: 'List foresight signals (filtered by driver, horizon, likelihood, impact, subject, text; paginated)' })
  @Get('signals')
  @ApiOkResponse({ type: AssetPageResponse, description: 'Each signal once, as its latest version you may see.' })
  async signals(@CurrentUser() user: AuthenticatedUser, @Query() query: ListSignalsQuery): Promise<AssetPageResponse> {
    return pageFor(user, await this.listSignals.execute({ user, query }));
  }

  @ApiOperation({ summary: 'Count foresight signals per likelihood and impact (a radar’s heat map)' })
  @Get('signals/matrix')
  @ApiOkResponse({ type: SignalMatrixResponse, description: 'The signals the filters keep, as the list would show them to you, counted per cell.' })
  matrix(@CurrentUser() user: AuthenticatedUser, @Query() query: SignalMatrixQuery): Promise<SignalMatrixResponse> {
    return this.countMatrix.execute({ user, query });
  }

  @ApiOperation({ summary: 'The scenarios a foresight signal belongs to' })
  @Get('signals/:id/scenarios')
  @ApiOkResponse({ type: AssetPageResponse, description: 'The scenarios you may see that group this signal.' })
  @ApiNotFoundResponse({ description: 'No such foresight signal visible to you.' })
  async signalScenarios(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string, @Query() query: ListScenariosQuery): Promise<AssetPageResponse> {
    return pageFor(user, await this.listScenarios.execute({ user, query, signal: id }));
  }

  @ApiOperation({ summary: 'List foresight scenarios (filtered by horizon, subject, text; paginated)' })
  @Get('scenarios')
  @ApiOkResponse({ type: AssetPageResponse, description: 'Each scenario once, as its latest version you may see, with only the signals you may see.' })
  async scenarios(@CurrentUser() user: AuthenticatedUser, @Query() query: ListScenariosQuery): Promise<AssetPageResponse> {
    return pageFor(user, await this.listScenarios.execute({ user, query }));
  }
}
