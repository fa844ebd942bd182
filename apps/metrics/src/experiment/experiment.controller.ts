import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BreakdownQuery } from '../reporting/breakdown.js';
import { ReportReaders } from '../reporting/report-readers.decorator.js';
import { ExperimentResultsResponse } from './dto/experiment-results.response.js';
import { GetExperimentResultsUseCase } from './use-cases/get-experiment-results.use-case.js';

@ApiTags('experiments')
@ReportReaders()
@Controller('experiments')
export class ExperimentController {
  constructor(private readonly getExperimentResults: GetExperimentResultsUseCase) {}

  @ApiOperation({ summary: 'Experiments started and concluded, by outcome' })
  @Get()
  @ApiOkResponse({ type: ExperimentResultsResponse, description: 'Experiments run, how they concluded, and the lessons they left.' })
  results(@Query() query: BreakdownQuery): Promise<ExperimentResultsResponse> {
    return this.getExperimentResults.execute(query.by);
  }
}
