/**
 * Progress for long CLI jobs, on stderr: a bar when stderr is a terminal, plain lines at most
 * every few seconds otherwise (logs, CI), so output stays readable either way.
 */
import cliProgress from 'cli-progress';
import { loadCliConfig } from '../config';

export interface Progress {
  /** `value` out of `total` (bytes, days, …); `detail` is shown beside it. */
  update(value: number, detail?: string): void;
  stop(finalLine?: string): void;
}

export interface ProgressOptions {
  label: string;
  total: number;
  /** How to print `value`/`total` (e.g. as megabytes). */
  format?: (n: number) => string;
  stream?: NodeJS.WriteStream;
  /** Plain-line interval when not a TTY (default 5 s); $REPOSTATS_PROGRESS_INTERVAL_MS overrides it. */
  intervalMs?: number;
}

export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const format = options.format ?? ((n: number) => String(n));
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${options.label} [{bar}] {percentage}% | {shown} | {detail}`,
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(1, options.total), 0, { shown: '', detail: '' });
    return {
      update: (value, detail = '') => bar.update(value, { shown: `${format(value)}/${format(options.total)}`, detail }),
      stop: (finalLine) => {
        bar.stop();
        if (finalLine) stream.write(`${finalLine}\n`);
      },
    };
  }
  const interval = loadCliConfig().progressIntervalMs ?? options.intervalMs ?? 5_000;
  let last = Date.now();
  return {
    update: (value, detail = '') => {
      if (Date.now() - last < interval) return;
      last = Date.now();
      const pct = options.total > 0 ? ` (${Math.min(100, Math.floor((value / options.total) * 100))}%)` : '';
      stream.write(`${options.label}: ${format(value)}/${format(options.total)}${pct}${detail ? ` ${detail}` : ''}\n`);
    },
    stop: (finalLine) => {
      if (finalLine) stream.write(`${finalLine}\n`);
    },
  };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
