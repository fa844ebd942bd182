import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH } from './config.js';

/** One measured figure, for the platform and the baseline. */
export interface Row {
  scenario: string;
  metric: string;
  unit: 'ms' | 'req/s' | 'events/s' | 'MB/s' | 'MB' | 'rows/s';
  platform: number;
  baseline: number;
  /** What the issue asks for, when it sets a target for this figure. */
  target?: { max?: number; min?: number };
  note?: string;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  date: string;
}

export function machine(): Machine {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cpus: cpus().length,
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
  };
}

/** Platform ÷ baseline: above 1 for latency means slower, below 1 for rates means fewer. */
const ratio = (row: Row): string => (row.baseline > 0 ? (row.platform / row.baseline).toFixed(2) : 'n/a');

function verdict(row: Row): string {
  if (!row.target) return '';
  const { max, min } = row.target;
  if (max !== undefined) return `≤ ${max} ${row.unit}: ${row.platform <= max ? 'met' : '**not met**'}`;
  if (min !== undefined) return `≥ ${min} ${row.unit}: ${row.platform >= min ? 'met' : '**not met**'}`;
  return '';
}

export function markdown(rows: Row[], host: Machine): string {
  const lines = [
    `Machine: ${host.cpus} CPUs (${host.cpuModel}), ${host.memoryGiB} GiB, Node ${host.node}; ${host.date.slice(0, 10)}.`,
    '',
    '| scenario | metric | platform | baseline | ratio | target |',
    '|---|---|---:|---:|---:|---|',
    ...rows.map(
      (row) =>
        `| ${row.scenario} | ${row.metric}${row.note ? ` (${row.note})` : ''} | ${row.platform} ${row.unit} | ${row.baseline} ${row.unit} | ${ratio(row)} | ${verdict(row)} |`,
    ),
  ];
  return lines.join('\n');
}

/** Writes bench/results/<ISO date>.json and returns its path. */
export function writeResults(rows: Row[], host: Machine, details: unknown): string {
  mkdirSync(BENCH.resultsDir, { recursive: true });
  const file = path.join(BENCH.resultsDir, `${host.date.replace(/:/g, '-').replace(/\..+$/, '')}.json`);
  writeFileSync(file, `${JSON.stringify({ machine: host, rows, details }, null, 2)}\n`);
  return file;
}
