/** The machine a figure was measured on, and how busy it was, for every line of BENCHMARKS.md. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGB: number;
  node: string;
}

export function machine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':')[1]!.trim();
  } catch {
    // not Linux: keep os.cpus()' model
  }
  return { cores: cpus().length, cpu, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version };
}

/** 1-minute load average, the neighbours' share of the machine while a figure was taken. */
export function load(): number {
  return Math.round(loadavg()[0]! * 10) / 10;
}
