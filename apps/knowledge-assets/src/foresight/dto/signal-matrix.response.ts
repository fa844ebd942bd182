import { ApiProperty } from '@nestjs/swagger';
import { IMPACT_DESCRIPTION, LIKELIHOOD_DESCRIPTION } from './foresight-metadata.dto.js';

export class SignalMatrixCellResponse {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, description: LIKELIHOOD_DESCRIPTION }) likelihood: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, description: IMPACT_DESCRIPTION }) impact: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) count: number;
}

/** A foresight radar's heat map: every one of the 25 cells, counted under your visibility. */
export class SignalMatrixResponse {
  @ApiProperty({ type: [SignalMatrixCellResponse], description: 'All 25 cells, likelihood then impact ascending, zeros included.' }) cells: SignalMatrixCellResponse[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Signals kept by the filters that lack a likelihood or an impact (drafts not yet rated).' }) unrated: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Every signal the filters keep.' }) total: number;
}
