import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '#ikm/auth';
import { OpenApiAggregator } from './openapi-aggregator.js';

/** `/docs-json`: the one OpenAPI document of the platform, as the gateway exposes it. */
@ApiExcludeController()
@Public()
@Controller('docs-json')
export class OpenApiController {
  constructor(@Inject(OpenApiAggregator) private readonly aggregator: OpenApiAggregator) {}

  @Get()
  document() {
    return this.aggregator.document();
  }
}
