/**
 * The figures of one bench run and their rendering as BENCHMARKS.md: every figure with the
 * command that produced it, the data size, the machine, the load average and the date.
 */
import type { Machine } from './machine';

export interface Figure {
  metric: string;
  value: string;
  /** The issue's target, as text ("≤ 10 ms"); absent when the issue sets none. */
  target?: string;
  /** Whether the target was met; absent without a target or when not comparable (other size). */
  met?: boolean;
  /** value ÷ target, for the "missed by how much" summary. */
  ratio?: number;
}

export interface Section {
  title: string;
  command: string;
  figures: Figure[];
  /** Load average (1 min) when the step started. */
  load: number;
  notes: string[];
}

export interface BenchReport {
  date: string;
  size: string;
  /** The command line of the run, when it was not plain `npm run bench -- --size SIZE`. */
  invocation?: string;
  dataset: string;
  machine: Machine;
  sections: Section[];
  preface: string[];
}

const mark = (f: Figure) => (f.met === undefined ? '' : f.met ? '✅ met' : '❌ missed');

export function renderReport(report: BenchReport): string {
  const m = report.machine;
  const out: string[] = [
    '# Benchmarks',
    '',
    `Measured ${report.date} with \`${report.invocation ?? `npm run bench -- --size ${report.size}`}\` (written by \`bench/run.ts\`; re-run it to refresh this file).`,
    '',
    `- **Data**: ${report.dataset}`,
    `- **Machine**: ${m.cores} cores (\`nproc\`), ${m.cpu}, ${m.memoryGB} GB memory, Node ${m.node}.`,
    '- **Load**: other engineers\' processes share the machine; each section gives the 1-minute load average when it started.',
    '',
    ...report.preface,
  ];
  for (const s of report.sections) {
    out.push('', `## ${s.title}`, '', `Command: \`${s.command}\` · load average ${s.load}`, '');
    out.push('| figure | value | target | |', '| --- | ---: | --- | --- |');
    for (const f of s.figures) out.push(`| ${f.metric} | ${f.value} | ${f.target ?? ''} | ${mark(f)} |`);
    if (s.notes.length > 0) out.push('', ...s.notes.map((n) => `- ${n}`));
  }
  return `${out.join('\n')}\n`;
}

export const fmt = {
  int: (n: number) => Math.round(n).toLocaleString('en'),
  s: (ms: number) => `${(ms / 1000).toFixed(1)} s`,
  ms: (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`,
  kb: (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`,
  mb: (mb: number) => `${Math.round(mb)} MB`,
};
