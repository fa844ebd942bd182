import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../../scripts/platform.js';

/**
 * A service's last log lines before it ends by a signal (Nest re-raises SIGTERM once its shutdown hooks
 * ran: "consumer stopped" is one of them) must reach whatever reads its output, even when that reader
 * is slow and the pipe is full. pino's default writer buffered them and they were lost.
 */
const LOGGER = path.join(REPO_ROOT, 'dist', 'libs', 'observability', 'src', 'logger.js');
const LINES = 2_000;

it('writes every line, the last one included, before a process killed by its own signal ends', async () => {
  const script = `
    const { createLogger } = await import(${JSON.stringify(LOGGER)});
    const logger = createLogger('last-lines');
    for (let line = 0; line < ${LINES}; line++) logger.info({ line, padding: 'x'.repeat(100) }, 'filler');
    logger.info('consumer stopped');
    process.kill(process.pid, 'SIGTERM');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  // The reader is slow: nothing is read for a while, so the pipe fills.
  child.stdout.pause();
  let output = '';
  setTimeout(() => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stdout.resume();
  }, 500);
  const ended = await new Promise<{ signal: NodeJS.Signals | null }>((resolve) => child.on('close', (_code, signal) => resolve({ signal })));

  expect(ended.signal).toBe('SIGTERM');
  const lines = output.trim().split('\n').map((line) => JSON.parse(line) as { msg: string });
  expect(lines).toHaveLength(LINES + 1);
  expect(lines.at(-1)?.msg).toBe('consumer stopped');
});
