import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { FunnelResponse } from './dto/funnel.response.js';
import { GetFunnelUseCase } from './use-cases/get-funnel.use-case.js';

@ApiTags('funnel')
@ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
@Controller('funnel')
export class FunnelController {
  constructor(private readonly getFunnel: GetFunnelUseCase) {}

  @Get()
  @ApiOkResponse({ type: FunnelResponse, description: 'Ideas per lifecycle stage.' })
  funnel(): Promise<FunnelResponse> {
    return this.getFunnel.execute();
  }
}
