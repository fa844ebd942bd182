import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, INTERNAL_ROLES, Roles, type AuthenticatedUser } from '#ikm/auth';
import { uuidParam } from '#ikm/http';
import { BenefitResponse, BenefitsResponse, RecordBenefitDto } from './dto/benefit.dto.js';
import { ListBenefitsUseCase } from './use-cases/list-benefits.use-case.js';
import { RecordBenefitUseCase } from './use-cases/record-benefit.use-case.js';

@ApiTags('benefits')
@Controller(':id/benefits')
export class BenefitController {
  constructor(
    private readonly listBenefits: ListBenefitsUseCase,
    private readonly recordBenefit: RecordBenefitUseCase,
  ) {}

  @ApiOperation({ summary: 'Benefits realised by an adopted idea, with totals' })
  @Get()
  @ApiOkResponse({ type: BenefitsResponse })
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string): Promise<BenefitsResponse> {
    return this.listBenefits.execute({ user, ideaId: id });
  }

  @ApiOperation({ summary: 'Record a benefit realised in a period' })
  @Post()
  @Roles(...INTERNAL_ROLES)
  @ApiCreatedResponse({ type: BenefitResponse })
  @ApiForbiddenResponse({ description: 'Not on the team and not an IKMU administrator.' })
  @ApiConflictResponse({ description: 'The idea is not adopted or scaled.' })
  record(@CurrentUser() user: AuthenticatedUser, @Param('id', uuidParam('id')) id: string, @Body() body: RecordBenefitDto): Promise<BenefitResponse> {
    return this.recordBenefit.execute({ user, ideaId: id, benefit: body });
  }
}
