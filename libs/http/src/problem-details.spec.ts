import { BadRequestException, NotFoundException } from '@nestjs/common';
import { pino } from 'pino';
import { toProblem } from './problem-details.filter.js';
import { DomainError } from '#ikm/domain';
import { flattenValidationErrors, InvalidRequestException } from './validation.js';

class SampleError extends DomainError<'SAMPLE_CONFLICT'> {
  readonly status = 409;
  constructor() {
    super('SAMPLE_CONFLICT', 'It conflicts.', { allowedTransitions: ['a'] });
  }
}

const lines: string[] = [];
const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });

describe('toProblem', () => {
  it('renders a domain error with its status, code-derived type and extensions', () => {
    expect(toProblem(new SampleError(), '/x', logger)).toEqual({
      type: 'https://ikm.example.org/problems/sample-conflict',
      title: 'sample conflict',
      status: 409,
      detail: 'It conflicts.',
      instance: '/x',
      allowedTransitions: ['a'],
    });
  });

  it('lists every invalid field', () => {
    const problem = toProblem(new InvalidRequestException([{ field: 'title', reason: 'too short' }]), '/ideas', logger);
    expect(problem).toMatchObject({ status: 400, errors: [{ field: 'title', reason: 'too short' }] });
  });

  it('keeps the message of client errors', () => {
    expect(toProblem(new NotFoundException('Cannot GET /nope'), '/nope', logger)).toMatchObject({ status: 404, detail: 'Cannot GET /nope' });
    expect(toProblem(new BadRequestException(['a', 'b']), '/', logger)).toMatchObject({ status: 400, detail: 'a; b' });
  });

  it('maps Fastify errors by their status code', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    expect(toProblem(tooLarge, '/ideas', logger)).toMatchObject({ status: 413, title: 'payload too large' });
  });

  it('hides an unexpected error behind an id that is also logged', () => {
    const problem = toProblem(new Error('secret internals'), '/ideas', logger);
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain('secret internals');
    expect(lines.at(-1)).toContain(String(problem.errorId));
    expect(lines.at(-1)).toContain('secret internals');
  });
});

describe('flattenValidationErrors', () => {
  it('gives nested fields a dotted path', () => {
    const errors = flattenValidationErrors([
      { property: 'title', constraints: { minLength: 'too short' }, children: [] },
      { property: 'owner', children: [{ property: 'unit', constraints: { isString: 'must be a string' }, children: [] }] },
    ]);
    expect(errors).toEqual([
      { field: 'title', reason: 'too short' },
      { field: 'owner.unit', reason: 'must be a string' },
    ]);
  });
});
