import { PatchType } from '#ikm/http';
import { CreateIdeaDto } from './create-idea.dto.js';

/**
 * Any subset of the draft's content; status, author and timestamps are never taken from a request.
 * Null clears challengeId and expectedBenefits, and is refused for every other field.
 */
export class UpdateIdeaDto extends PatchType(CreateIdeaDto) {}
