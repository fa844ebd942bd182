import { pino } from 'pino';
import { OutageLog } from './outage-log.js';

function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  return { logger: pino({ level: 'trace' }, { write: (line: string) => lines.push(JSON.parse(line)) }), lines };
}

describe('OutageLog', () => {
  const messages = { down: 'broker unavailable', up: 'broker available again' };

  it('logs the first failure of an episode as a warning and the others not at all', () => {
    const { logger, lines } = capturingLogger();
    const sut = new OutageLog(logger, messages);
    for (let attempt = 1; attempt <= 50; attempt += 1) sut.failed(new Error(`refused ${attempt}`), { attempt });
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'broker unavailable', attempt: 1, err: expect.objectContaining({ message: 'refused 1' }) })]);
    expect(sut.ongoing).toBe(true);
  });

  it('ends the episode with one info line saying how long it lasted and how many failures it covered', () => {
    const { logger, lines } = capturingLogger();
    const sut = new OutageLog(logger, messages);
    sut.failed(new Error('refused'));
    sut.failed(new Error('refused'));
    sut.recovered();
    sut.recovered();
    expect(lines.slice(1)).toEqual([expect.objectContaining({ level: 30, msg: 'broker available again', failures: 2, outageMs: expect.any(Number) })]);
    expect(sut.ongoing).toBe(false);
  });

  it('starts a new episode, with its own warning, after a recovery', () => {
    const { logger, lines } = capturingLogger();
    const sut = new OutageLog(logger, messages);
    sut.failed(new Error('first'));
    sut.recovered();
    sut.failed(new Error('second'));
    expect(lines.map((line) => line.msg)).toEqual(['broker unavailable', 'broker available again', 'broker unavailable']);
  });

  it('says nothing when it succeeds without an episode', () => {
    const { logger, lines } = capturingLogger();
    new OutageLog(logger, messages).recovered();
    expect(lines).toEqual([]);
  });
});
