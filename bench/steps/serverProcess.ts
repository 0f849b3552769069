/** The real `repostats serve` in a child process, so its resident memory is its own. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789';
const cli = resolve(import.meta.dirname, '../../server/bin/repostats.js');
const probe = resolve(import.meta.dirname, '../child/serverProbe.mjs');

export interface ServerProcess {
  url: string;
  pid: number;
  /** VmRSS and VmHWM (peak) of the server process, in MB. */
  memory(): { rssMB: number; peakMB: number };
  /** Everything the server printed (for error messages). */
  output(): string;
  stop(): Promise<void>;
}

/** `probeOut`: preload bench/child/serverProbe.mjs, which writes memory and event-loop samples there. */
export async function startServerProcess(db: string, env: Record<string, string> = {}, options: { probeOut?: string } = {}): Promise<ServerProcess> {
  const preload = options.probeOut ? ['--import', probe] : [];
  const child: ChildProcess = spawn(process.execPath, [...preload, cli, 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, REPOSTATS_ADMIN_TOKEN: BENCH_ADMIN_TOKEN, ...(options.probeOut ? { REPOSTATS_PROBE_OUT: options.probeOut } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start within 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      output += d;
      const m = /serving on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (output += d));
    child.once('exit', (code) => fail(new Error(`server exited (${code}):\n${output}`)));
  });
  const status = (field: string) => {
    const line = readFileSync(`/proc/${child.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(field));
    return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
  };
  return {
    url,
    pid: child.pid!,
    output: () => output,
    memory: () => ({ rssMB: status('VmRSS'), peakMB: status('VmHWM') }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
