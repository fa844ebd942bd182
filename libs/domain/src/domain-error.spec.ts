import { assertExpectedVersion, DomainError, domainErrorClass } from './domain-error.js';

enum EnrolmentErrorCode {
  Full = 'ENROLMENT_FULL',
  NotFound = 'ENROLMENT_NOT_FOUND',
}

class EnrolmentError extends domainErrorClass<EnrolmentErrorCode>({
  [EnrolmentErrorCode.Full]: 409,
  [EnrolmentErrorCode.NotFound]: 404,
}) {
  static full(courseId: string, seats: number): EnrolmentError {
    return new EnrolmentError(EnrolmentErrorCode.Full, `Course ${courseId} has no seat left.`, { seats });
  }

  static notFound(id: string): EnrolmentError {
    return new EnrolmentError(EnrolmentErrorCode.NotFound, `Enrolment ${id} does not exist.`);
  }
}

// The table must give every code a status: leaving one out does not compile.
// @ts-expect-error NotFound has no status
domainErrorClass<EnrolmentErrorCode>({ [EnrolmentErrorCode.Full]: 409 });
// Nor does a status the domain has no business answering with.
// @ts-expect-error 500 is not a domain error status
domainErrorClass<EnrolmentErrorCode>({ [EnrolmentErrorCode.Full]: 409, [EnrolmentErrorCode.NotFound]: 500 });

describe('domainErrorClass', () => {
  it('gives each error the status its code has in the table', () => {
    expect([EnrolmentError.full('c1', 20).status, EnrolmentError.notFound('e1').status]).toEqual([409, 404]);
  });

  it('makes errors the problem-details filter recognises, and that a module can tell apart', () => {
    const sut = EnrolmentError.notFound('e1');
    expect([sut instanceof DomainError, sut instanceof EnrolmentError, sut instanceof Error]).toEqual([true, true, true]);
  });

  it('renders a problem document whose type and title follow from the code, with the extensions', () => {
    expect(EnrolmentError.full('c1', 20).toProblem('/enrolments')).toEqual({
      type: 'https://ikm.example.org/problems/enrolment-full',
      title: 'enrolment full',
      status: 409,
      detail: 'Course c1 has no seat left.',
      instance: '/enrolments',
      seats: 20,
    });
  });
});

describe('assertExpectedVersion', () => {
  const stale = (expected: number, actual: number) => EnrolmentError.full(`expected ${expected}, at ${actual}`, 0);

  it('lets a change through when it expects the current version, or none', () => {
    expect(() => assertExpectedVersion(3, 3, stale)).not.toThrow();
    expect(() => assertExpectedVersion(undefined, 3, stale)).not.toThrow();
  });

  it('refuses any other version with the module’s own error, told both versions', () => {
    expect(() => assertExpectedVersion(2, 3, stale)).toThrow('Course expected 2, at 3 has no seat left.');
  });
});
