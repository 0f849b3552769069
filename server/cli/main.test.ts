import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repostats } from './testing';
import { errorText } from './main';

describe('repostats import', () => {
  it('when a file has a bad line, then it prints file:line: path: message, a summary, and exits 1; a clean re-import exits 0', { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repostats-cli-'));
    const good = { type: 'view', timestamp: '2024-01-02T03:04:05Z', record_id: 'r1', visitor_id: 'v1' };
    const file = join(dir, 'events.ndjson');
    writeFileSync(file, `${JSON.stringify(good)}\n${JSON.stringify({ ...good, visitor_id: '' })}\n`);
    const env = { REPOSTATS_DB: join(dir, 'db.duckdb') };

    const first = await repostats(['import', 'events', file], env);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(`${file}:2: visitor_id: must not be empty`);
    expect(first.stdout).toContain(`${file}: events: 2 lines, 1 imported, 0 skipped (already stored), 1 rejected`);

    writeFileSync(file, `${JSON.stringify(good)}\n`);
    const second = await repostats(['import', 'events', file], env);
    expect(second).toMatchObject({ code: 0 });
    expect(second.stdout).toContain('1 lines, 0 imported, 1 skipped');
  });

  it('when asked for help, then it shows the import command with examples', { timeout: 60_000 }, async () => {
    const help = await repostats(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('repostats import events events-2024-*.ndjson.gz');
  });

  it('when the kind is unknown, then it says so and exits 2', { timeout: 60_000 }, async () => {
    const result = await repostats(['import', 'things', 'x.ndjson']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown kind 'things'");
  });
});

describe('errorText', () => {
  it('when DuckDB ran out of its memory limit, then the message says which setting to raise', () => {
    const oom = new Error('Out of Memory Error: could not allocate block of size 256.0 KiB (1.0 GiB/1.0 GiB used)');
    expect(errorText(oom, {})).toContain('DuckDB ran with the default REPOSTATS_DUCKDB_MEMORY=1gb: raise it');
    expect(errorText(oom, { REPOSTATS_DUCKDB_MEMORY: '2gb' })).toContain('DuckDB ran with REPOSTATS_DUCKDB_MEMORY=2gb');
    expect(errorText(new Error('no such file'), {})).toBe('no such file');
  });
});
