import { periodOf } from './period-bucket.js';

describe('periodOf', () => {
  it.each([
    ['2025-01-01', { period: '2025-Q1', from: '2025-01-01', to: '2025-03-31' }],
    ['2025-04-01', { period: '2025-Q2', from: '2025-04-01', to: '2025-06-30' }],
    ['2024-10-01', { period: '2024-Q4', from: '2024-10-01', to: '2024-12-31' }],
  ])('names the quarter starting %s', (start, expected) => {
    expect(periodOf(start, 'quarter')).toEqual(expected);
  });

  it.each([
    ['2024-02-01', { period: '2024-02', from: '2024-02-01', to: '2024-02-29' }],
    ['2025-02-01', { period: '2025-02', from: '2025-02-01', to: '2025-02-28' }],
    ['2025-12-01', { period: '2025-12', from: '2025-12-01', to: '2025-12-31' }],
  ])('names the month starting %s, leap years and year ends included', (start, expected) => {
    expect(periodOf(start, 'month')).toEqual(expected);
  });
});
