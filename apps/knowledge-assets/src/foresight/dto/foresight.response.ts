import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AssetVersion } from '../../asset/asset.entity.js';
import { ownForesightFields, type Driver, type ForesightField, type ForesightFields, type ForesightSource, type Horizon } from '../foresight-fields.js';
import { DriverDto, ForesightSourceDto, HorizonDto, IMPACT_DESCRIPTION, LIKELIHOOD_DESCRIPTION } from './foresight-metadata.dto.js';

const multilingual = { type: 'object', additionalProperties: { type: 'string' } } as const;

/** The foresight types' own fields in an asset's answer: present on those types only. */
export class ForesightResponseFields {
  @ApiPropertyOptional({ type: [DriverDto], description: 'foresight_signal.' }) drivers?: Driver[];
  @ApiPropertyOptional({ type: HorizonDto, nullable: true, description: 'foresight_signal and foresight_scenario.' }) horizon?: Horizon | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: 5, description: `foresight_signal. ${LIKELIHOOD_DESCRIPTION}` }) likelihood?: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: 5, description: `foresight_signal. ${IMPACT_DESCRIPTION}` }) impact?: number | null;
  @ApiPropertyOptional({ type: [ForesightSourceDto], description: 'foresight_signal and foresight_scenario; a source that is an asset only if you may see it.' }) sources?: ForesightSource[];
  @ApiPropertyOptional({ ...multilingual, nullable: true, description: 'foresight_scenario; null while `contentEmbargoed`.' }) narrative?: Record<string, string> | null;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'foresight_scenario: the signals it groups that you may see.' }) signals?: string[];

}

/**
 * The version's own foresight fields as this viewer may read them: its references filtered (read so in
 * SQL), the narrative withheld under embargo; undefined (absent) on the types that lack them.
 */
export function foresightResponseFields(version: AssetVersion): { [Field in ForesightField]: ForesightResponseFields[Field] | undefined } {
  const own: Partial<ForesightFields> = ownForesightFields(version.type, version);
  if ('signals' in own) own.signals = version.readableSignals ?? [];
  if ('sources' in own) own.sources = version.readableSources ?? [];
  if ('narrative' in own && version.contentEmbargoed) own.narrative = null;
  const { drivers, horizon, likelihood, impact, sources, narrative, signals } = own;
  return { drivers: drivers ?? undefined, horizon, likelihood, impact, sources: sources ?? undefined, narrative, signals: signals ?? undefined };
}
