import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeInvenio, type FakeInvenio } from '../../harvest/fakeInvenio';
import { repostats } from '../testing';

const records = Array.from({ length: 7 }, (_, i) => ({
  id: `r${i}`, created: `2024-01-0${i + 1}T00:00:00Z`, updated: `2024-02-0${i + 1}T00:00:00Z`, metadata: { title: `Record ${i}` },
}));

let site: FakeInvenio;
beforeEach(async () => (site = await startFakeInvenio(records.map((r) => ({ ...r })))));
afterEach(async () => site.stop());

describe('repostats harvest (CLI)', () => {
  it('when run with the token in the environment, then it pages through the site and says what it did and what comes next', { timeout: 120_000 }, async () => {
    const env = { REPOSTATS_DB: join(mkdtempSync(join(tmpdir(), 'repostats-harvest-cli-')), 'db.duckdb'), REPOSTATS_HARVEST_TOKEN: 'env-token' };
    const first = await repostats(['harvest', '--from', site.url, '--size', '3'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${site.url}: every record: 3 pages, 7 records, 7 imported, 0 unchanged, 0 rejected, 0 deleted`);
    expect(first.stdout).toContain('Next run: records updated since 2024-02-07T00:00:00Z.');
    expect(site.requests.map((r) => r.authorization)).toEqual(['Bearer env-token', 'Bearer env-token', 'Bearer env-token']);

    site.fail(401, { page: 1 });
    const refused = await repostats(['harvest', '--from', site.url, '--token', 'wrong'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('401 Unauthorized');
    expect(refused.stderr).toContain('run the same command again to resume');
  });

  it('when asked for help, then it shows the examples', { timeout: 60_000 }, async () => {
    const help = await repostats(['harvest', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('repostats harvest --from https://repo.example.org/api/records --max-pages 50');
  });
});
