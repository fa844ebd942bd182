import { Controller, Get } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { REPORT_READER_ROLES, Roles } from '#ikm/auth';
import { FunnelResponse } from './dto/funnel.response.js';
import { GetFunnelUseCase } from './use-cases/get-funnel.use-case.js';

@ApiTags('funnel')
@ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
@ApiForbiddenResponse({ description: 'Constituents do not see internal reports.' })
@Roles(...REPORT_READER_ROLES)
@Controller('funnel')
export class FunnelController {
  constructor(private readonly getFunnel: GetFunnelUseCase) {}

  @Get()
  @ApiOkResponse({ type: FunnelResponse, description: 'Ideas per lifecycle stage.' })
  funnel(): Promise<FunnelResponse> {
    return this.getFunnel.execute();
  }
}
