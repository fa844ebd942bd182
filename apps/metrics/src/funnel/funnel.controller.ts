import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BreakdownQuery } from '../reporting/breakdown.js';
import { ReportReaders } from '../reporting/report-readers.decorator.js';
import { ConversionResponse } from './dto/conversion.response.js';
import { FunnelQuery } from './dto/funnel.query.js';
import { FunnelResponse } from './dto/funnel.response.js';
import { TimeInStageResponse } from './dto/time-in-stage.response.js';
import { GetConversionUseCase } from './use-cases/get-conversion.use-case.js';
import { GetFunnelUseCase } from './use-cases/get-funnel.use-case.js';
import { GetTimeInStageUseCase } from './use-cases/get-time-in-stage.use-case.js';

@ApiTags('funnel')
@ReportReaders()
@Controller('funnel')
export class FunnelController {
  constructor(
    private readonly getFunnel: GetFunnelUseCase,
    private readonly getConversion: GetConversionUseCase,
    private readonly getTimeInStage: GetTimeInStageUseCase,
  ) {}

  @ApiOperation({ summary: 'Ideas per lifecycle stage' })
  @Get()
  @ApiOkResponse({ type: FunnelResponse, description: 'Ideas per lifecycle stage, optionally of one challenge and/or region.' })
  funnel(@Query() query: FunnelQuery): Promise<FunnelResponse> {
    return this.getFunnel.execute(query);
  }

  @ApiOperation({ summary: 'Conversion between lifecycle stages' })
  @Get('conversion')
  @ApiOkResponse({ type: ConversionResponse, description: 'Share of ideas that reached each stage and later the next.' })
  conversion(@Query() query: BreakdownQuery): Promise<ConversionResponse> {
    return this.getConversion.execute(query.by);
  }

  @ApiOperation({ summary: 'Median time in each stage' })
  @Get('time-in-stage')
  @ApiOkResponse({ type: TimeInStageResponse, description: 'Median hours ideas spent in each stage.' })
  timeInStage(@Query() query: BreakdownQuery): Promise<TimeInStageResponse> {
    return this.getTimeInStage.execute(query.by);
  }
}
