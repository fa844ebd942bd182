import { DEAD_LETTER_HEADERS, deadLetterOf } from './dead-letter.js';

describe('deadLetterOf', () => {
  it('keeps the original record and says where it came from and why it failed', () => {
    const message = {
      key: Buffer.from('k1'),
      value: Buffer.from('{bad'),
      headers: { ce_id: Buffer.from('e1') },
      offset: '42',
      timestamp: '0',
      attributes: 0,
    };
    const sut = deadLetterOf({ consumer: 'ikm.metrics', topic: 'ikm.ideas.idea', partition: 3, message, error: new Error('boom'), attempts: 5 });
    expect(sut.key).toBe(message.key);
    expect(sut.value).toBe(message.value);
    expect(sut.headers).toMatchObject({
      ce_id: message.headers.ce_id,
      [DEAD_LETTER_HEADERS.topic]: 'ikm.ideas.idea',
      [DEAD_LETTER_HEADERS.partition]: '3',
      [DEAD_LETTER_HEADERS.offset]: '42',
      [DEAD_LETTER_HEADERS.consumer]: 'ikm.metrics',
      [DEAD_LETTER_HEADERS.error]: 'boom',
      [DEAD_LETTER_HEADERS.attempts]: '5',
    });
  });

  it('bounds the error text so one huge message cannot bloat the dead-letter topic', () => {
    const message = { key: null, value: null, headers: {}, offset: '1', timestamp: '0', attributes: 0 };
    const sut = deadLetterOf({ consumer: 'c', topic: 't', partition: 0, message, error: new Error('x'.repeat(10_000)), attempts: 1 });
    expect(String(sut.headers?.[DEAD_LETTER_HEADERS.error]).length).toBe(2_000);
  });
});
