import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, INTERNAL_ROLES, Roles, type AuthenticatedUser } from '#ikm/auth';
import { uuidParam } from '#ikm/http';
import { ConcludeExperimentDto, ExperimentResponse, StartExperimentDto } from './dto/experiment.dto.js';
import { ConcludeExperimentUseCase } from './use-cases/conclude-experiment.use-case.js';
import { ListExperimentsUseCase } from './use-cases/list-experiments.use-case.js';
import { StartExperimentUseCase } from './use-cases/start-experiment.use-case.js';

@ApiTags('experiments')
@Controller(':id/experiments')
export class ExperimentController {
  constructor(
    private readonly listExperiments: ListExperimentsUseCase,
    private readonly startExperiment: StartExperimentUseCase,
    private readonly concludeExperiment: ConcludeExperimentUseCase,
  ) {}

  @ApiOperation({ summary: 'List an idea’s experiments' })
  @Get()
  @ApiOkResponse({ type: [ExperimentResponse] })
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string): Promise<ExperimentResponse[]> {
    return this.listExperiments.execute({ user, ideaId: id });
  }

  @ApiOperation({ summary: 'Start an experiment on an accepted idea' })
  @Post()
  @Roles(...INTERNAL_ROLES)
  @ApiCreatedResponse({ type: ExperimentResponse, description: 'Started; the first one moves an accepted idea to in_experiment.' })
  @ApiForbiddenResponse({ description: 'Not on the team and not an IKMU administrator.' })
  @ApiConflictResponse({ description: 'The idea is neither accepted nor in experiment.' })
  start(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string, @Body() body: StartExperimentDto): Promise<ExperimentResponse> {
    return this.startExperiment.execute({ user, ideaId: id, plan: body });
  }

  @ApiOperation({ summary: 'Conclude an experiment' })
  @Post(':experimentId/conclusion')
  @Roles(...INTERNAL_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ type: ExperimentResponse })
  @ApiConflictResponse({ description: 'Already concluded.' })
  conclude(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam('id')) id: string,
    @Param('experimentId', uuidParam('experimentId')) experimentId: string,
    @Body() body: ConcludeExperimentDto,
  ): Promise<ExperimentResponse> {
    return this.concludeExperiment.execute({ user, ideaId: id, experimentId, outcome: body.outcome, lessons: body.lessons });
  }
}
