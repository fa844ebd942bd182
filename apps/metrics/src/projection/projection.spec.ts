import { ExperimentConcludedV1, ExperimentStartedV1, IdeaEndorsedV1 } from '#ikm/contracts';
import { LOGGED_TOPICS } from '../event-log/event-log.consumer.js';
import { defineProjection, when } from './projection.js';
import { ALL_PROJECTIONS } from './projections.js';

const experimentId = '6f1c2a4e-8b7d-4c3a-9e21-0a5b6c7d8e9f';

function event(type: string, data: unknown) {
  return { id: 'e1', type, subject: experimentId, time: '2025-01-06T00:00:00.000Z', data };
}

describe('defineProjection', () => {
  const sut = defineProjection({
    name: 'starts',
    tables: ['starts'],
    on: [
      when(ExperimentStartedV1, (data, loggedEvent) => [{ sql: 'INSERT INTO starts VALUES ($1, $2)', params: [data.experimentId, loggedEvent.id] }]),
      when(ExperimentConcludedV1, () => []),
    ],
  });

  it('runs the statements declared for the event type, handed its data and the event', () => {
    expect(sut.statementsFor(event(ExperimentStartedV1.type, { experimentId }))).toEqual([
      { sql: 'INSERT INTO starts VALUES ($1, $2)', params: [experimentId, 'e1'] },
    ]);
  });

  it('passes by event types it declares nothing for', () => {
    expect(sut.statementsFor(event(IdeaEndorsedV1.type, { experimentId }))).toEqual([]);
  });

  it('lists the contracts it reads', () => {
    expect(sut.contracts).toEqual([ExperimentStartedV1, ExperimentConcludedV1]);
  });

  it('refuses an event type declared twice, whose statements would otherwise silently be dropped', () => {
    expect(() => defineProjection({ name: 'twice', tables: [], on: [when(ExperimentStartedV1, () => []), when(ExperimentStartedV1, () => [])] })).toThrow(
      /declares ikm\.ideas\.experiment\.started\.v1 twice/,
    );
  });
});

describe('projections of metrics', () => {
  it('read only events of topics the event log subscribes to', () => {
    const read = ALL_PROJECTIONS.flatMap((projection) => projection.contracts.map((contract) => contract.topic));
    expect(LOGGED_TOPICS).toEqual(expect.arrayContaining(read));
  });

  it('have names and tables of their own, as a rebuild truncates each table once', () => {
    const tables = ALL_PROJECTIONS.flatMap((projection) => projection.tables);
    expect(new Set(tables).size).toBe(tables.length);
    expect(new Set(ALL_PROJECTIONS.map((projection) => projection.name)).size).toBe(ALL_PROJECTIONS.length);
  });
});
