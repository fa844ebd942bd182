import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { REPORT_READER_ROLES, Roles } from '#ikm/auth';

/** Every report controller: read by internal staff and reporting tools, refusing bad query input. */
export function ReportReaders(): ClassDecorator {
  return applyDecorators(
    ApiBadRequestResponse({ description: 'Invalid query: a problem naming each offending field.' }),
    ApiUnauthorizedResponse({ description: 'No valid bearer token.' }),
    ApiForbiddenResponse({ description: 'Constituents do not see internal reports.' }),
    Roles(...REPORT_READER_ROLES),
  );
}
