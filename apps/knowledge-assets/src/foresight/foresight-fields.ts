import type { AssetType, ForesightDriverCategory, foresightDetails } from '#ikm/contracts';
import type { z } from 'zod';

/** A force behind a signal: its STEEPLED category and, when given, the force in words by language. */
export interface Driver {
  category: ForesightDriverCategory;
  description: Record<string, string> | null;
}

/** The years (both included) within which the change is expected to become significant. */
export interface Horizon {
  from: number;
  to: number;
}

/** Evidence for a signal or a scenario: a URL or another asset, with a note. */
export interface ForesightSource {
  url: string | null;
  assetId: string | null;
  note: string | null;
}

/** The fields of the foresight types; null on every asset whose type does not have them. */
export interface ForesightFields {
  drivers: Driver[] | null;
  horizon: Horizon | null;
  likelihood: number | null;
  impact: number | null;
  sources: ForesightSource[] | null;
  narrative: Record<string, string> | null;
  /** A scenario's signals: asset ids of foresight signals (the stored list; readers see the ones visible to them). */
  signals: string[] | null;
}

export const FORESIGHT_FIELDS = ['drivers', 'horizon', 'likelihood', 'impact', 'sources', 'narrative', 'signals'] as const satisfies ReadonlyArray<keyof ForesightFields>;
export type ForesightField = (typeof FORESIGHT_FIELDS)[number];

export const FORESIGHT_TYPES = ['foresight_signal', 'foresight_scenario'] as const satisfies readonly AssetType[];

/** Which type has which fields, and what an absent one holds on it (null: not answered yet). */
const FIELDS_OF: Partial<Record<AssetType, Partial<ForesightFields>>> = {
  foresight_signal: { drivers: [], horizon: null, likelihood: null, impact: null, sources: [] },
  foresight_scenario: { narrative: {}, horizon: null, signals: [], sources: [] },
};

/** What a new draft holds for each foresight field: nothing; `withForesightDefaults` fills the type's own. */
export const NO_FORESIGHT: ForesightFields = { drivers: null, horizon: null, likelihood: null, impact: null, sources: null, narrative: null, signals: null };

export function foresightFieldsOf(type: AssetType): ForesightField[] {
  return Object.keys(FIELDS_OF[type] ?? {}) as ForesightField[];
}

const isEmpty = (value: unknown) => value === null || value === undefined || (typeof value === 'object' && Object.keys(value).length === 0);

/**
 * The foresight fields given for a type that does not have them: each is a mistake to name. An empty
 * list or map says nothing, so a signal whose type changes keeps none of its empty fields by mistake.
 */
export function misplacedForesightFields(type: AssetType, fields: Partial<ForesightFields>): ForesightField[] {
  const own = new Set(foresightFieldsOf(type));
  return FORESIGHT_FIELDS.filter((field) => !own.has(field) && !isEmpty(fields[field]));
}

/** The type's own fields, those left null (or cleared) set to their empty value; the others null. */
export function withForesightDefaults(type: AssetType, fields: Partial<ForesightFields>): ForesightFields {
  const defaults = FIELDS_OF[type] ?? {};
  return Object.fromEntries(FORESIGHT_FIELDS.map((field) => [field, field in defaults ? (fields[field] ?? defaults[field]) : null])) as unknown as ForesightFields;
}

/** The type's own fields, for responses and events: other types show none, as before foresight. */
export function ownForesightFields(type: AssetType, fields: Partial<ForesightFields>): Partial<ForesightFields> {
  return Object.fromEntries(foresightFieldsOf(type).map((field) => [field, fields[field]]));
}

/**
 * What a foresight asset needs before it is submitted for review (API names): a signal placed on the
 * radar (drivers, horizon, likelihood, impact), a scenario told (narrative, horizon) over its signals.
 */
export function missingForesightFields(type: AssetType, fields: Partial<ForesightFields>): ForesightField[] {
  const answered: Record<ForesightField, boolean> = {
    drivers: (fields.drivers?.length ?? 0) > 0,
    horizon: (fields.horizon ?? null) !== null,
    likelihood: (fields.likelihood ?? null) !== null,
    impact: (fields.impact ?? null) !== null,
    sources: true,
    narrative: Object.keys(fields.narrative ?? {}).length > 0,
    signals: (fields.signals?.length ?? 0) > 0,
  };
  return foresightFieldsOf(type).filter((field) => !answered[field]);
}

/** The asset ids a version refers to that its writer must be able to see: its signals, and its sources that are assets. */
export function referencedAssets(fields: Partial<ForesightFields>): { signals: string[]; sources: string[] } {
  return { signals: fields.signals ?? [], sources: (fields.sources ?? []).flatMap((source) => (source.assetId ? [source.assetId] : [])) };
}

/**
 * The references of an edited version a reader sees, from what they saw before the edit: one kept from
 * before is visible only if it was; one added was checked visible to the editor when it was written.
 */
export function readableAfterEdit<T>(next: T[] | null, stored: T[] | null, readable: T[] | null, key: (item: T) => string | null): T[] | null {
  if (next === null) return null;
  const before = new Set((stored ?? []).map(key));
  const seen = new Set((readable ?? []).map(key));
  return next.filter((item) => key(item) === null || !before.has(key(item)) || seen.has(key(item)));
}

/** A foresight field as events carry it: absent (undefined) on the types that do not have it. */
export type ForesightState = { [Field in keyof ForesightEventFields]-?: ForesightEventFields[Field] | undefined };
type ForesightEventFields = z.infer<z.ZodObject<typeof foresightDetails>>;

/** The version's own foresight fields for its events' full state (knowledge-assets.events.ts); undefined for the others. */
export function foresightState(type: AssetType, fields: Partial<ForesightFields>): ForesightState {
  const own = ownForesightFields(type, fields);
  return Object.fromEntries(FORESIGHT_FIELDS.map((field) => [field, own[field] ?? undefined])) as ForesightState;
}
