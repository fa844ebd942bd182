import { problemDetails } from './problem-details.js';

describe('problemDetails', () => {
  it('gives type and title from the slug, then status, detail, instance and the extensions, in that order', () => {
    const problem = problemDetails('upstream-timeout', { status: 504, detail: 'no answer', instance: '/api/v1/ideas', extensions: { service: 'ideas' } });
    expect(JSON.stringify(problem)).toBe(
      '{"type":"https://ikm.example.org/problems/upstream-timeout","title":"upstream timeout","status":504,"detail":"no answer","instance":"/api/v1/ideas","service":"ideas"}',
    );
  });

  it('takes a title that is not the slug’s words', () => {
    expect(problemDetails('validation', { status: 400, title: 'invalid request' })).toMatchObject({ type: 'https://ikm.example.org/problems/validation', title: 'invalid request' });
  });
});
