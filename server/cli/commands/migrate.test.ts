import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repostats } from '../testing';

describe('repostats migrate (CLI)', () => {
  it('when an export has a bad line, then the report names it, the rest is imported, exit 1; the re-run says nothing changed', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repostats-migrate-cli-'));
    const exportDir = join(dir, 'export');
    mkdirSync(exportDir);
    const index = 'stats-community-events-2024';
    const event = { record_id: 'r1', community_id: 'c1', event_type: 'added', event_date: '2024-01-02T00:00:00' };
    writeFileSync(join(exportDir, `${index}.ndjson`), [event, { ...event, event_date: 'soon' }].map((e) => JSON.stringify({ _index: index, _source: e })).join('\n'));
    writeFileSync(join(exportDir, 'records.ndjson'), `${JSON.stringify({ id: 'r1', created: '2024-01-01T00:00:00Z', parent: { communities: { ids: ['c1'] } } })}\n`);
    const env = { REPOSTATS_DB: join(dir, 'db.duckdb') };

    const first = await repostats(['migrate', exportDir], env);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^stats-community-events-2024 +community events +2 +1 +0 +1$/m);
    expect(first.stdout).toMatch(/^records +records +1 +1 +0 +0$/m);
    expect(first.stdout).toContain(`${join(exportDir, `${index}.ndjson`)}:2: event_date: expected an ISO-8601 date or date-time`);

    const second = await repostats(['migrate', exportDir, '--json'], env);
    expect(JSON.parse(second.stdout)).toMatchObject({ changed: false, files: 2 });
  });

  it('when asked for help, then it shows how to export and migrate', { timeout: 60_000 }, async () => {
    const help = await repostats(['migrate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('repostats migrate export/');
    expect(help.stdout).toContain('elasticdump');
  });

  it('when the folder does not exist, then it says so and exits 2', { timeout: 60_000 }, async () => {
    const result = await repostats(['migrate', join(tmpdir(), 'no-such-export-folder')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a folder');
  });
});
