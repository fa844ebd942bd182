import type { ProblemResponse } from '#ikm/http';

const always = () => true;

/** What the gateway itself may answer for any operation it routes, besides what the service answers. */
export const GATEWAY_PROBLEMS: ProblemResponse[] = [
  {
    status: 429,
    description: 'Too many requests for your token (or your address, without one); Retry-After says when to try again.',
    headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', example: 30 } } },
    appliesTo: always,
  },
  { status: 502, description: 'The service gave an unusable answer.', appliesTo: always },
  { status: 503, description: 'The service is unavailable; try again shortly.', appliesTo: always },
  { status: 504, description: 'The service did not answer in time.', appliesTo: always },
];
