import { describe, expect, it } from 'vitest';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, isPostgresUrl } from './open';

describe('openDatabase', () => {
  it('when given a file path, then it creates a migrated DuckDB file there', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'repostats-open-')), 'sub', 'db.duckdb');
    const db = await openDatabase(path);
    expect(db.dialect).toBe('duckdb');
    expect(await db.query('SELECT count(*) AS n FROM records')).toEqual([{ n: 0 }]);
    await db.close();
    expect(existsSync(path)).toBe(true);
  });

  it.each([
    ['postgres://u@h/db', true],
    ['postgresql://u@h/db', true],
    ['./data/repostats.duckdb', false],
    [':memory:', false],
  ])('when the url is %s, then postgres is %s', (url, expected) => {
    expect(isPostgresUrl(url)).toBe(expected);
  });
});
