import { foresightState } from '../foresight/foresight-fields.js';
import type { AssetVersion } from './asset.entity.js';

const RESOLVERS = { doi: 'https://doi.org/', handle: 'https://hdl.handle.net/' } as const;

/** Where a reader finds the asset: its persistent identifier resolved, else its source platform's URL. */
function urlOf(version: AssetVersion): string | null {
  const pid = version.persistentIdentifier;
  if (pid) return `${RESOLVERS[pid.scheme]}${pid.value}`;
  return version.source?.url ?? null;
}

/**
 * A version's full state as its events carry it (knowledge-assets.events.ts): enough for a consumer to
 * keep a replica from the events alone. `version` is the asset's revision after the change.
 */
export function assetState(version: AssetVersion) {
  return {
    assetId: version.assetId,
    version: version.revision,
    versionNumber: version.number,
    status: version.status,
    ...version.metadata(),
    ...foresightState(version.type, version),
    // The contract's abstract, when present, has a language (consumers before this service read it so).
    abstract: Object.keys(version.abstract).length > 0 ? version.abstract : undefined,
    url: urlOf(version),
    quality: version.quality(),
    uploadedFiles: version.uploadedFiles,
  };
}
