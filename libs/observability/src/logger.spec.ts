import { stripVTControlCharacters } from 'node:util';
import { createLogger, type LogOutput } from './logger.js';

function capturedOutput(isTTY: boolean): LogOutput & { text: () => string } {
  const chunks: string[] = [];
  return { isTTY, write: (text: string) => chunks.push(text), text: () => stripVTControlCharacters(chunks.join('')) };
}

describe('createLogger', () => {
  it('writes readable lines, not JSON, to a terminal', () => {
    const terminal = capturedOutput(true);
    const sut = createLogger('ideas', 'info', terminal);

    sut.info({ port: 3001 }, 'ideas service listening');
    sut.info({ context: 'RouterExplorer' }, 'Mapped {/health/live, GET} route');

    const lines = terminal.text().split('\n');
    expect(lines[0]).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: ideas: ideas service listening$/);
    expect(lines.slice(1)).toEqual(['    port: 3001', expect.stringMatching(/\] INFO: ideas \[RouterExplorer\]: Mapped \{\/health\/live, GET\} route$/), '']);
  });

  it('writes one JSON object per line when the output is not a terminal (a file, a pipe, a log collector)', () => {
    const pipe = capturedOutput(false);
    const sut = createLogger('ideas', 'info', pipe);

    sut.warn({ port: 3001 }, 'slow start');

    const lines = pipe.text().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, service: 'ideas', port: 3001, msg: 'slow start' });
  });
});
