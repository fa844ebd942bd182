import { IdeaCreatedV1, IdeaEndorsedV1, IdeaStatusChangedV1, IdeaSubmittedV1, IdeaUpdatedV1 } from '#ikm/contracts';
import { defineProjection, type LoggedEvent } from '../projection/projection.js';
import { onIdeaChange, type IdeaChange } from './idea-change.js';

const ideaId = '6f1c2a4e-8b7d-4c3a-9e21-0a5b6c7d8e9f';
const challengeId = '0b6c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4';

function event(type: string, data: unknown) {
  return { id: 'e1', type, subject: ideaId, time: '2025-01-06T00:00:00.000Z', data };
}

/** The change a projection declared with onIdeaChange is handed for the event, if any. */
function ideaChangeOf(loggedEvent: LoggedEvent): IdeaChange | undefined {
  const handed: IdeaChange[] = [];
  const projection = defineProjection({ name: 'probe', tables: [], on: onIdeaChange((change) => (handed.push(change), [])) });
  projection.statementsFor(loggedEvent);
  return handed[0];
}

describe('onIdeaChange', () => {
  it('reads a creation as entering draft, with the origin the idea was created with', () => {
    const sut = ideaChangeOf(
      event(IdeaCreatedV1.type, { ideaId, version: 1, status: 'draft', createdAt: '2025-01-06T00:00:00Z', challengeId, region: 'Africa' }),
    );
    expect(sut).toEqual({ ideaId, version: 1, at: '2025-01-06T00:00:00Z', stage: 'draft', origin: { challengeId, region: 'Africa' } });
  });

  it('reads an edit of the challenge as an origin change without a stage', () => {
    const sut = ideaChangeOf(event(IdeaUpdatedV1.type, { ideaId, version: 2, changes: { challengeId: null }, updatedAt: '2025-01-06T01:00:00Z' }));
    expect(sut).toEqual({ ideaId, version: 2, at: '2025-01-06T01:00:00Z', origin: { challengeId: null } });
  });

  it('reads an edit of other fields as a version bump that leaves the origin alone', () => {
    const sut = ideaChangeOf(event(IdeaUpdatedV1.type, { ideaId, version: 3, changes: { title: 'Better' }, updatedAt: '2025-01-06T01:00:00Z' }));
    expect(sut?.origin).toEqual({});
    expect(sut?.stage).toBeUndefined();
  });

  it('reads a submission as entering submitted', () => {
    const sut = ideaChangeOf(event(IdeaSubmittedV1.type, { ideaId, version: 4, status: 'submitted', authorId: 'u1', submittedAt: '2025-01-06T02:00:00Z' }));
    expect(sut).toEqual({ ideaId, version: 4, at: '2025-01-06T02:00:00Z', stage: 'submitted', origin: {} });
  });

  it('reads a status change as entering its target stage at the time of the change', () => {
    const sut = ideaChangeOf(
      event(IdeaStatusChangedV1.type, {
        ideaId, version: 5, from: 'accepted', to: 'adopted', actorId: 'r1', reason: null, changedAt: '2025-01-07T00:00:00Z', region: 'Asia',
      }),
    );
    expect(sut).toEqual({ ideaId, version: 5, at: '2025-01-07T00:00:00Z', stage: 'adopted', origin: { region: 'Asia' } });
  });

  it('ignores events that say nothing about stage or origin', () => {
    expect(ideaChangeOf(event(IdeaEndorsedV1.type, { ideaId, userId: 'u2', endorsements: 1, endorsedAt: '2025-01-06T00:00:00Z' }))).toBeUndefined();
  });
});
