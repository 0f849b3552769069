import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'repostats.js');

describe('repostats serve', () => {
  it('when started on port 0, then it prints its URL, answers /healthz, and stops on SIGTERM', { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repostats-serve-'));
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', join(dir, 'db.duckdb')], {
      env: { ...process.env, REPOSTATS_ADMIN_TOKEN: 'a-token-long-enough-for-config' },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /serving on (http:\/\/\S+)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code} before serving: ${out}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when the environment is invalid, then it lists every problem and exits non-zero', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, PORT: 'eighty', REPOSTATS_ADMIN_TOKEN: 'short' },
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(err).toContain('PORT');
    expect(err).toContain('REPOSTATS_ADMIN_TOKEN');
  });
});
