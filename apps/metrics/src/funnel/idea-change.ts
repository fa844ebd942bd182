import { IdeaCreatedV1, IdeaStatusChangedV1, IdeaSubmittedV1, IdeaUpdatedV1, type EventData, type IdeaStatus } from '#ikm/contracts';
import type { LoggedEvent } from '../projection/projection.js';

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

function originOf(data: IdeaOrigin): IdeaOrigin {
  return Object.fromEntries(ORIGIN_KEYS.filter((key) => data[key] !== undefined).map((key) => [key, data[key]]));
}

/** The funnel's reading of the idea events; every other event says nothing about stage or origin. */
export function ideaChangeOf(event: LoggedEvent): IdeaChange | undefined {
  switch (event.type) {
    case IdeaCreatedV1.type: {
      const data = event.data as EventData<typeof IdeaCreatedV1>;
      return { ideaId: data.ideaId, version: data.version, at: data.createdAt, stage: data.status, origin: originOf(data) };
    }
    case IdeaUpdatedV1.type: {
      const data = event.data as EventData<typeof IdeaUpdatedV1>;
      return { ideaId: data.ideaId, version: data.version, at: data.updatedAt, origin: originOf({ challengeId: data.changes.challengeId }) };
    }
    case IdeaSubmittedV1.type: {
      const data = event.data as EventData<typeof IdeaSubmittedV1>;
      return { ideaId: data.ideaId, version: data.version, at: data.submittedAt, stage: data.status, origin: originOf(data) };
    }
    case IdeaStatusChangedV1.type: {
      const data = event.data as EventData<typeof IdeaStatusChangedV1>;
      return { ideaId: data.ideaId, version: data.version, at: data.changedAt, stage: data.to, origin: originOf(data) };
    }
    default:
      return undefined;
  }
}
