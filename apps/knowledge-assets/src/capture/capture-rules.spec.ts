import { ExperimentConcludedV1, type EventData } from '#ikm/contracts';
import type { ConsumedEvent } from '#ikm/messaging';
import { randomUUID } from 'node:crypto';
import { lessonFromExperiment } from './capture-rules.js';

function concluded(data: Partial<EventData<typeof ExperimentConcludedV1>>, actor?: string): ConsumedEvent<EventData<typeof ExperimentConcludedV1>> {
  const payload = ExperimentConcludedV1.schema.parse({
    experimentId: randomUUID(),
    ideaId: randomUUID(),
    outcome: 'inconclusive',
    lessons: 'Ask the offices first.',
    learningResult: false,
    concludedAt: new Date().toISOString(),
    ...data,
  });
  return { id: randomUUID(), type: ExperimentConcludedV1.type, source: ExperimentConcludedV1.source, subject: payload.experimentId, time: payload.concludedAt, data: payload, actor, topic: ExperimentConcludedV1.topic, partition: 0, offset: '0' };
}

describe('capturing a concluded experiment', () => {
  it('captures nothing without lessons', () => {
    expect(lessonFromExperiment(concluded({ lessons: null }))).toBeUndefined();
    expect(lessonFromExperiment(concluded({ lessons: '  ' }))).toBeUndefined();
  });

  it('makes each team member an owning creator once', () => {
    const draft = lessonFromExperiment(concluded({ team: ['ana', 'ben', 'ana'] }));
    expect(draft?.metadata.creators).toEqual([
      { name: 'ana', orcid: null, staffId: 'ana' },
      { name: 'ben', orcid: null, staffId: 'ben' },
    ]);
  });

  it('falls back to whoever concluded it for an event written before the team was carried, and names no unit it lacks', () => {
    const draft = lessonFromExperiment(concluded({}, 'carla'));
    expect(draft?.metadata).toMatchObject({ creators: [{ staffId: 'carla' }], publishingUnit: '', type: 'lesson_learned', accessLevel: 'internal' });
  });
});
