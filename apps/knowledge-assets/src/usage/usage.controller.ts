import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '#ikm/auth';
import { uuidParam } from '#ikm/http';
import { AssetUsageResponse } from './dto/usage.response.js';
import { UsageQuery } from './dto/usage.query.js';
import { GetUsageUseCase } from './use-cases/get-usage.use-case.js';

@ApiTags('knowledge assets')
@ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
@Controller('assets')
export class UsageController {
  constructor(private readonly getUsage: GetUsageUseCase) {}

  @ApiOperation({ summary: 'An asset’s views, downloads and reuse, per day or month (COUNTER rules)' })
  @Get(':id/usage')
  @ApiOkResponse({ type: AssetUsageResponse })
  @ApiNotFoundResponse({ description: 'No such asset visible to you.' })
  usage(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string, @Query() query: UsageQuery): Promise<AssetUsageResponse> {
    return this.getUsage.execute({ user, assetId: id, from: query.from, to: query.to, period: query.period });
  }
}
