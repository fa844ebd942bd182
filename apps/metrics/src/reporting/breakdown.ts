import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const BREAKDOWNS = ['challenge', 'region'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export class BreakdownQuery {
  @ApiPropertyOptional({ enum: BREAKDOWNS, description: 'Break the report down by the ideas’ challenge or region; omitted: one overall group.' })
  @IsOptional()
  @IsIn(BREAKDOWNS)
  by?: Breakdown;
}

/** Base of every report group: which challenge or region it covers. */
export class BreakdownGroup {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The challenge id or region of this group: null for ideas without one, and for the single group when `by` is omitted.',
  })
  key: string | null;
}

const COLUMN_OF: Record<Breakdown, string> = { challenge: 'challenge_id', region: 'region' };

/**
 * SQL for a row's group key. The idea's origin comes from `funnel_ideas` joined as `f`; rows of tables
 * that record their own origin (alias `own`) use it first. Only fixed column names are interpolated.
 */
export function groupKeySql(by: Breakdown | undefined, own?: string): string {
  if (!by) return 'NULL::text';
  const column = COLUMN_OF[by];
  return own ? `COALESCE(${own}.${column}, f.${column})::text` : `f.${column}::text`;
}

/** Rows of a grouped query, by group key, in the order the keys first appear. */
export function rowsByKey<Row extends { key: string | null }>(rows: Row[]): Map<string | null, Row[]> {
  const groups = new Map<string | null, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.key);
    if (group) group.push(row);
    else groups.set(row.key, [row]);
  }
  return groups;
}
