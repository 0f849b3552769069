/**
 * A database written before inputs were limited to 1990-01-01..tomorrow can still hold an event
 * dated 0000-01-01 or 9999-12-31, or the dirty day such an event left behind after it was deleted.
 * `repostats aggregate` must recover it: it settles those days with a note, ignores such events,
 * and leaves the same facts as a database that never held them.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../server/storage/port';
import { importAll, runCli, withDb, writeTinyDemo } from './support';

let dir: string;
let cleanDb: string;

beforeAll(async () => {
  const demo = await writeTinyDemo();
  dir = demo.dir;
  cleanDb = join(dir, 'clean.duckdb');
  await importAll(cleanDb, demo.files);
  const run = await runCli(['aggregate', '--db', cleanDb]);
  expect(run.code, run.output).toBe(0);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const usageFacts = (db: SqlEngine) => db.query('SELECT * FROM agg_usage_facts ORDER BY ALL');

/** A copy of the aggregated clean database with an event on `day` stored as the old importer stored it. */
async function poisoned(name: string, day: string, opts: { deleteEvent: boolean }): Promise<string> {
  const path = join(dir, `${name}.duckdb`);
  copyFileSync(cleanDb, path);
  await withDb(path, async (db) => {
    const [record] = await db.query<{ id: string }>('SELECT record_id AS id FROM records ORDER BY record_id LIMIT 1');
    await db.exec(
      `INSERT INTO events (event_key, type, ts, day, record_id, visitor_id, session_id, is_robot, ok)
       VALUES ('old-poison', 'view', CAST($1 AS TIMESTAMP), CAST($2 AS DATE), $3, 'v-old', 's-old', false, true)`,
      [`${day} 12:00:00`, day, record!.id],
    );
    await db.exec(`INSERT INTO dirty_days (scope, community_id, day) VALUES ('usage', '*', CAST($1 AS DATE))`, [day]);
    if (opts.deleteEvent) await db.exec(`DELETE FROM events WHERE event_key = 'old-poison'`);
  });
  return path;
}

describe('aggregation over dates outside the window left by old data', () => {
  for (const day of ['0000-01-01', '9999-12-31']) {
    it(`when the dirty day of a deleted event dated ${day} is left, then aggregate succeeds, notes it, and clears it`, async () => {
      const db = await poisoned(`deleted-${day.slice(0, 4)}`, day, { deleteEvent: true });
      const run = await runCli(['aggregate', '--db', db]);
      expect(run.code, run.output).toBe(0);
      // DuckDB writes year 0 as 1 BC.
      expect(run.output).toMatch(new RegExp(`note: ignored 1 dirty day.*outside 1990-01-01\\.\\..*: (${day}|0001-01-01 \\(BC\\))`));
      await withDb(db, async (d) => {
        expect(await d.query(`SELECT CAST(day AS TEXT) AS day FROM dirty_days`)).toEqual([]);
        expect(await usageFacts(d)).toEqual(await withDb(cleanDb, usageFacts));
      });
      // And the next run has nothing left to note.
      const again = await runCli(['aggregate', '--db', db]);
      expect(again.code, again.output).toBe(0);
      expect(again.output).not.toMatch(/outside/);
    }, 120_000);

    it(`when an event dated ${day} is still stored, then aggregate succeeds and counts nothing for it`, async () => {
      const db = await poisoned(`kept-${day.slice(0, 4)}`, day, { deleteEvent: false });
      const run = await runCli(['aggregate', '--db', db]);
      expect(run.code, run.output).toBe(0);
      await withDb(db, async (d) => {
        expect(await usageFacts(d)).toEqual(await withDb(cleanDb, usageFacts));
        const [bookmark] = await d.query<{ day: string }>(`SELECT CAST(MAX(day) AS TEXT) AS day FROM agg_bookmarks`);
        expect(bookmark!.day < '2100-01-01').toBe(true);
      });
    }, 120_000);
  }
});
