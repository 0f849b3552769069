import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../demo/generate';
import { buildProgram } from '../main';

const dir = mkdtempSync(join(tmpdir(), 'repostats-demo-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('repostats demo --out', () => {
  it('when run with --out, then it writes the three files and prints where and how many', async () => {
    const out = join(dir, 'cli');
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      await buildProgram().parseAsync(['node', 'repostats', 'demo', '--size', 'tiny', '--seed', '5', '--end-date', '2026-03-31', '--out', out]);
    } finally {
      process.stdout.write = write;
    }
    const summary = written.join('');
    expect(summary).toContain('demo tiny, seed 5, 2025-04-01 … 2026-03-31');
    expect(summary).toMatch(/records\.ndjson: 200 records/);
    const expected = [...generateDemo({ size: 'tiny', seed: 5, endDate: '2026-03-31' }).records].map((r) => JSON.stringify(r)).join('\n');
    expect(readFileSync(join(out, 'records.ndjson'), 'utf8')).toBe(`${expected}\n`);
  });

  it('when the size is unknown, then it refuses with the list of sizes', async () => {
    const program = buildProgram().exitOverride();
    program.configureOutput({ writeErr: () => undefined });
    for (const c of program.commands) c.exitOverride().configureOutput({ writeErr: () => undefined });
    await expect(program.parseAsync(['node', 'repostats', 'demo', '--size', 'huge'])).rejects.toThrow(/tiny, small, medium, large/);
  });
});
