import { IdeaCreatedV1, IdeaStatusChangedV1, IdeaSubmittedV1, IdeaUpdatedV1, type IdeaStatus } from '#ikm/contracts';
import { when, type EventStatements, type ProjectionStatement } from '../projection/projection.js';

/**
 * Where an idea comes from. A key is present only when the event says something about it: absent means
 * "unchanged", null means "none" (an idea taken out of a challenge).
 */
export interface IdeaOrigin {
  challengeId?: string | null;
  originUnit?: string | null;
  region?: string | null;
}

/** What one idea event says about the idea's stage and origin. */
export interface IdeaChange {
  ideaId: string;
  /** The idea's version after the event: later changes have higher versions. */
  version: number;
  at: string;
  /** The stage the idea entered, when the event is a lifecycle transition. */
  stage?: IdeaStatus;
  origin: IdeaOrigin;
}

const ORIGIN_KEYS = ['challengeId', 'originUnit', 'region'] as const;

/** The origin keys the event states, leaving out the absent ones (unchanged), keeping nulls (none). */
function statedOriginOf(data: IdeaOrigin): IdeaOrigin {
  return Object.fromEntries(ORIGIN_KEYS.filter((key) => data[key] !== undefined).map((key) => [key, data[key]]));
}

/**
 * The funnel's reading of the idea events, as a projection's declarations: `statements` gets the change
 * each of them says; every other event says nothing about stage or origin.
 */
export function onIdeaChange(statements: (change: IdeaChange) => ProjectionStatement[]): EventStatements[] {
  return [
    when(IdeaCreatedV1, (data) =>
      statements({ ideaId: data.ideaId, version: data.version, at: data.createdAt, stage: data.status, origin: statedOriginOf(data) }),
    ),
    when(IdeaUpdatedV1, (data) =>
      statements({ ideaId: data.ideaId, version: data.version, at: data.updatedAt, origin: statedOriginOf({ challengeId: data.changes.challengeId }) }),
    ),
    when(IdeaSubmittedV1, (data) =>
      statements({ ideaId: data.ideaId, version: data.version, at: data.submittedAt, stage: data.status, origin: statedOriginOf(data) }),
    ),
    when(IdeaStatusChangedV1, (data) =>
      statements({ ideaId: data.ideaId, version: data.version, at: data.changedAt, stage: data.to, origin: statedOriginOf(data) }),
    ),
  ];
}
