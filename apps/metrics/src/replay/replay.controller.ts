import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '#ikm/auth';
import { RebuildProjectionsUseCase } from './use-cases/rebuild-projections.use-case.js';

class RebuildResponse {
  @ApiProperty({ type: 'integer', description: 'Events replayed.' }) events: number;
  @ApiProperty({ type: [String] }) projections: string[];
  @ApiProperty({ type: 'integer' }) durationMs: number;
}

@ApiTags('projections')
@ApiForbiddenResponse({ description: 'Only ikmu_admin rebuilds projections.' })
@Roles('ikmu_admin')
@Controller('projections')
export class ReplayController {
  constructor(private readonly rebuildProjections: RebuildProjectionsUseCase) {}

  @ApiOperation({ summary: 'Rebuild the projections from the event log' })
  @Post('rebuild')
  @HttpCode(200)
  @ApiOkResponse({ type: RebuildResponse, description: 'Every projection dropped and replayed from the event log.' })
  rebuild(): Promise<RebuildResponse> {
    return this.rebuildProjections.execute();
  }
}
