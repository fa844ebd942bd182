import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReportReaders } from '../reporting/report-readers.decorator.js';
import { BenefitsQuery } from './dto/benefits.query.js';
import { BenefitsResponse } from './dto/benefits.response.js';
import { GetBenefitsUseCase } from './use-cases/get-benefits.use-case.js';

@ApiTags('benefits')
@ReportReaders()
@Controller('benefits')
export class BenefitController {
  constructor(private readonly getBenefits: GetBenefitsUseCase) {}

  @ApiOperation({ summary: 'Benefits realised, in total and by period' })
  @Get()
  @ApiOkResponse({ type: BenefitsResponse, description: 'Benefits realised: totals and per month or quarter.' })
  benefits(@Query() query: BenefitsQuery): Promise<BenefitsResponse> {
    return this.getBenefits.execute(query);
  }
}
