import { Lifecycle, refusalExtensions } from './lifecycle.js';

/**
 * A made-up enrolment, not any service's: a learner asks for a seat; a coordinator confirms or
 * waitlists; the learner may cancel until the course is done. Nobody confirms their own enrolment.
 */
type Status = 'requested' | 'waitlisted' | 'confirmed' | 'completed' | 'cancelled';
type Capacity = 'learner' | 'coordinator';
type Relation = 'self' | 'other';
type Role = 'staff' | 'coordinator';

const sut = new Lifecycle<Status, Capacity, Relation, Role>(
  {
    requested: { confirmed: ['coordinator'], waitlisted: ['coordinator'], cancelled: ['learner', 'coordinator'] },
    waitlisted: { confirmed: ['coordinator'], cancelled: ['learner'] },
    confirmed: { completed: ['coordinator'], cancelled: ['learner'] },
    completed: {},
    cancelled: {},
  },
  { relations: { self: ['learner'] }, roles: { coordinator: 'coordinator' } },
);

describe('Lifecycle', () => {
  it('gives a relation it lists its capacities alone, whatever the roles, and everyone else those of their roles', () => {
    expect(sut.capacitiesOf(['staff', 'coordinator'], 'self')).toEqual(['learner']);
    expect(sut.capacitiesOf(['staff', 'coordinator'], 'other')).toEqual(['coordinator']);
    expect(sut.capacitiesOf(['staff'], 'other')).toEqual([]);
  });

  it('lists every move from a status, and those someone in given capacities may make', () => {
    expect(sut.targetsFrom('requested')).toEqual(['confirmed', 'waitlisted', 'cancelled']);
    expect(sut.movesFor('requested', ['learner'])).toEqual(['cancelled']);
    expect(sut.movesFor('requested', ['coordinator'])).toEqual(['confirmed', 'waitlisted', 'cancelled']);
    expect(sut.movesFor('completed', ['coordinator', 'learner'])).toEqual([]);
  });

  it('permits a move in the table to someone in one of its capacities', () => {
    expect(sut.refusalOf('waitlisted', 'confirmed', ['coordinator'])).toBeUndefined();
    expect(sut.refusalOf('requested', 'cancelled', ['learner'])).toBeUndefined();
  });

  it('refuses a move the table does not have, naming every move from here and the caller’s', () => {
    expect(sut.refusalOf('waitlisted', 'completed', ['learner'])).toEqual({
      reason: 'invalid',
      from: 'waitlisted',
      to: 'completed',
      allowed: ['confirmed', 'cancelled'],
      yours: ['cancelled'],
    });
  });

  it('refuses a move that is not the caller’s, naming who may make it and what the caller may do', () => {
    expect(sut.refusalOf('requested', 'confirmed', sut.capacitiesOf(['coordinator'], 'self'))).toEqual({
      reason: 'forbidden',
      from: 'requested',
      to: 'confirmed',
      who: ['coordinator'],
      yours: ['cancelled'],
    });
  });
});

describe('refusalExtensions', () => {
  it('lists, in a problem document, the moves from the current status and the caller’s for a move that does not exist', () => {
    const refusal = sut.refusalOf('cancelled', 'confirmed', ['coordinator'])!;
    expect(refusalExtensions(refusal)).toEqual({ currentStatus: 'cancelled', requestedStatus: 'confirmed', allowedTransitions: [], allowedForYou: [] });
  });

  it('lists who may make a move that is not the caller’s, and the caller’s moves', () => {
    const refusal = sut.refusalOf('confirmed', 'completed', ['learner'])!;
    expect(refusalExtensions(refusal)).toEqual({ currentStatus: 'confirmed', requestedStatus: 'completed', allowedFor: ['coordinator'], allowedForYou: ['cancelled'] });
  });
});
