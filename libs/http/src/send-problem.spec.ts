import type { FastifyReply } from 'fastify';
import { sendProblem } from './problem-details.filter.js';

/** A reply that records what it was told, for a request whose body has (or has not) fully arrived. */
function replyTo(bodyComplete: boolean) {
  const sent: { status?: number; headers: Record<string, string>; type?: string; body?: unknown } = { headers: {} };
  const reply = {
    request: { raw: { complete: bodyComplete } },
    status(status: number) {
      sent.status = status;
      return this;
    },
    headers(headers: Record<string, string>) {
      Object.assign(sent.headers, headers);
      return this;
    },
    type(type: string) {
      sent.type = type;
      return this;
    },
    send(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  return { reply: reply as unknown as FastifyReply, sent };
}

const tooLarge = { type: 'https://ikm.example.org/problems/file-too-large', title: 'Payload Too Large', status: 413 };

describe('sendProblem', () => {
  it('closes the connection after answering a request whose body is still arriving (a refused streamed upload)', () => {
    const { reply, sent } = replyTo(false);
    sendProblem(reply, tooLarge, { 'retry-after': '5' });
    expect(sent).toEqual({ status: 413, headers: { 'retry-after': '5', connection: 'close' }, type: 'application/problem+json', body: tooLarge });
  });

  it('keeps the connection of a request read whole', () => {
    const { reply, sent } = replyTo(true);
    sendProblem(reply, tooLarge);
    expect(sent.headers).toEqual({});
  });
});
