import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { REPORT_READER_ROLES, Roles } from '#ikm/auth';
import { BreakdownQuery } from '../reporting/breakdown.js';
import { ExperimentResultsResponse } from './dto/experiment-results.response.js';
import { GetExperimentResultsUseCase } from './use-cases/get-experiment-results.use-case.js';

@ApiTags('experiments')
@ApiBadRequestResponse({ description: 'Invalid query: a problem naming each offending field.' })
@ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
@ApiForbiddenResponse({ description: 'Constituents do not see internal reports.' })
@Roles(...REPORT_READER_ROLES)
@Controller('experiments')
export class ExperimentController {
  constructor(private readonly getExperimentResults: GetExperimentResultsUseCase) {}

  @Get()
  @ApiOkResponse({ type: ExperimentResultsResponse, description: 'Experiments run, how they concluded, and the lessons they left.' })
  results(@Query() query: BreakdownQuery): Promise<ExperimentResultsResponse> {
    return this.getExperimentResults.execute(query.by);
  }
}
