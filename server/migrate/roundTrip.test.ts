/**
 * History round trip: the daily documents repostats serves for the tiny demo, exported in the
 * reference's index layout (one NDJSON file per index, whole hits) and migrated into an empty
 * database with no raw inputs, serve the same figures after `repostats aggregate`: every delta
 * document's totals and subcount items, every snapshot's totals.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGGREGATION_KINDS, type AggregationKind } from '../../src/core/kinds';
import { loadDemo } from '../demo/load';
import { runAggregation } from '../domain/aggregate/run';
import { getDailyDocs } from '../domain/docs/get';
import { listCommunityRows } from '../storage/communities';
import { freshDb } from '../ingest/testDb';
import type { SqlEngine } from '../storage/port';
import { runMigration } from './migrate';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const END = '2025-06-30';
/** The demo's year: the days its documents cover for every basis (publication dates reach back further). */
const START = '2024-07-01';

let source: SqlEngine;
let target: SqlEngine;
let communities: string[];
const served = (db: SqlEngine, kind: AggregationKind, community: string) =>
  getDailyDocs(db, { kind, community, start: START, end: END }) as Promise<unknown> as Promise<Json[]>;

beforeAll(async () => {
  source = await freshDb();
  target = await freshDb();
  await loadDemo(source, { size: 'tiny', seed: 3, endDate: END });
  await runAggregation(source);
  // Global and the largest community keep the test short; every community goes through the same code.
  communities = (
    await source.query<{ id: string }>(
      `SELECT community_id AS id FROM memberships GROUP BY community_id ORDER BY community_id = 'global' DESC, COUNT(*) DESC, community_id LIMIT 2`,
    )
  ).map((r) => r.id);
  const dir = mkdtempSync(join(tmpdir(), 'repostats-roundtrip-'));
  for (const kind of AGGREGATION_KINDS) {
    const index = `stats-community-${kind}-2025`;
    const lines: string[] = [];
    for (const c of communities) {
      // The whole span, so that snapshots have every earlier delta (publication dates reach back decades).
      const docs = await getDailyDocs(source, { kind, community: c, start: '1900-01-01', end: END });
      for (const d of docs as Json[]) lines.push(JSON.stringify({ _index: index, _id: `${c}-${String(d['period_start'] ?? d['snapshot_date']).slice(0, 10)}`, _source: d }));
    }
    writeFileSync(join(dir, `${index}.ndjson`), `${lines.join('\n')}\n`);
  }
  const report = await runMigration(target, { dir });
  expect(report.indices.every((i) => i.rejected === 0 && i.imported === i.read)).toBe(true);
  await runAggregation(target);
}, 300_000);
afterAll(async () => {
  await source?.close();
  await target?.close();
});

const items = (doc: Json) =>
  Object.fromEntries(Object.entries(doc['subcounts'] as Json).map(([field, list]) => [
    field, Array.isArray(list) ? (list as Json[]).map(({ label: _l, labels: _ls, ...figures }) => figures).sort((a, b) => (a['id'] < b['id'] ? -1 : 1)) : list,
  ]));
const totals = (doc: Json) => {
  const { subcounts: _s, subcounts_other: _o, timestamp: _t, updated_timestamp: _u, ...rest } = doc;
  return rest;
};

describe('history round trip (the tiny demo\'s documents, migrated into an empty database)', () => {
  it.each(AGGREGATION_KINDS.filter((k) => k.includes('delta')))('when %s documents are served again, then totals and subcount items are the exported ones', async (kind) => {
    for (const c of communities) {
      const [before, after] = [await served(source, kind, c), await served(target, kind, c)];
      expect(after.length, c).toBe(before.length);
      expect(after.map(totals), c).toEqual(before.map(totals));
      expect(after.map(items), c).toEqual(before.map(items));
    }
  });

  it('when the communities are listed, then those known only from the imported documents are there', async () => {
    expect(await target.query('SELECT COUNT(*) AS n FROM memberships')).toEqual([{ n: 0 }]);
    expect((await listCommunityRows(target)).map((r) => r.id)).toEqual(communities.filter((c) => c !== 'global').sort());
  });

  it.each(AGGREGATION_KINDS.filter((k) => k.includes('snapshot')))('when %s documents are served again, then the totals are the exported ones', async (kind) => {
    for (const c of communities) {
      const [before, after] = [await served(source, kind, c), await served(target, kind, c)];
      expect(before.length, c).toBeGreaterThan(0);
      expect(after.map(totals), c).toEqual(before.map(totals));
    }
  });
});
