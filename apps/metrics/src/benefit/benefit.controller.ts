import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { REPORT_READER_ROLES, Roles } from '#ikm/auth';
import { BenefitsQuery } from './dto/benefits.query.js';
import { BenefitsResponse } from './dto/benefits.response.js';
import { GetBenefitsUseCase } from './use-cases/get-benefits.use-case.js';

@ApiTags('benefits')
@ApiBadRequestResponse({ description: 'Invalid query: a problem naming each offending field.' })
@ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
@ApiForbiddenResponse({ description: 'Constituents do not see internal reports.' })
@Roles(...REPORT_READER_ROLES)
@Controller('benefits')
export class BenefitController {
  constructor(private readonly getBenefits: GetBenefitsUseCase) {}

  @Get()
  @ApiOkResponse({ type: BenefitsResponse, description: 'Benefits realised: totals and per month or quarter.' })
  benefits(@Query() query: BenefitsQuery): Promise<BenefitsResponse> {
    return this.getBenefits.execute(query);
  }
}
