import { PartialType } from '@nestjs/swagger';
import { CreateIdeaDto } from './create-idea.dto.js';

/** Any subset of the draft's content; status, author and timestamps are never taken from a request. */
export class UpdateIdeaDto extends PartialType(CreateIdeaDto) {}
