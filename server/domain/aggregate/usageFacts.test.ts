import { afterEach, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../storage/port';
import { rebuildUsageFacts } from './usageFacts';
import { addEvents, addMemberships, addRecords, freshDb } from './testing';

const opened: SqlEngine[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

const DAY = '2024-05-02';
const at = (hh: string) => `${DAY}T${hh}:00:00Z`;

/**
 * r1 and r2 are two versions of parent P (both subject s1; r1 also s2), r3 another parent (s2).
 * Visitor a reaches r1 and r2, b reaches r1 and r3, c reaches r3 only; d downloads two files of r1.
 */
async function world(): Promise<SqlEngine> {
  const db = await freshDb();
  opened.push(db);
  await addRecords(db, [
    { id: 'r1', parent: 'P', created: '2024-01-01', files: { count: 2, volume: 30 }, items: { subjects: ['s1', 's2'] } },
    { id: 'r2', parent: 'P', created: '2024-01-01', items: { subjects: ['s1'] } },
    { id: 'r3', parent: 'Q', created: '2024-01-01', items: { subjects: ['s2'] } },
  ]);
  await addMemberships(db, [['r1', 'c1', 'added', '2024-01-01'], ['r3', 'c1', 'added', '2024-01-01']]);
  await addEvents(db, [
    { type: 'view', ts: at('08'), record: 'r1', visitor: 'a', country: 'FR' },
    { type: 'view', ts: at('09'), record: 'r2', visitor: 'a', country: 'FR' },
    { type: 'view', ts: at('10'), record: 'r1', visitor: 'b', country: 'DE' },
    { type: 'view', ts: at('11'), record: 'r3', visitor: 'b', country: 'DE' },
    { type: 'view', ts: at('12'), record: 'r3', visitor: 'c', country: 'FR' },
    { type: 'download', ts: at('13'), record: 'r1', visitor: 'd', file: 'x.csv', size: 10, country: 'FR' },
    { type: 'download', ts: at('14'), record: 'r1', visitor: 'd', file: 'y.csv', size: 20, country: 'FR' },
  ]);
  await rebuildUsageFacts(db, { from: DAY, to: DAY });
  return db;
}

type Row = { v_events: number; v_visitors: number; v_records: number; v_parents: number; d_events: number; d_visitors: number; d_files: number; d_volume: number };

async function facts(db: SqlEngine, community: string): Promise<Record<string, Row>> {
  const rows = await db.query<Row & { field: string; item_id: string }>(
    `SELECT field, item_id, v_events, v_visitors, v_records, v_parents, d_events, d_visitors, d_files, d_volume
     FROM agg_usage_facts WHERE community_id = $1 AND day = CAST($2 AS DATE)`,
    [community, DAY],
  );
  return Object.fromEntries(rows.map(({ field, item_id, ...rest }) => [`${field}|${item_id}`, rest]));
}

describe('usage facts: distinct counts per item', () => {
  it('when visitors and parents reach several records, then each is counted once per item and once in the totals', async () => {
    const global = await facts(await world(), 'global');
    // Views: a (r1, r2), b (r1, r3), c (r3): 5 events, 3 visitors, 3 records, 2 parents (P, Q).
    expect(global['|']).toMatchObject({ v_events: 5, v_visitors: 3, v_records: 3, v_parents: 2 });
    // s1 is held by r1 and r2: a reached both (once), b reached r1; one parent P.
    expect(global['subjects|s1']).toMatchObject({ v_events: 3, v_visitors: 2, v_records: 2, v_parents: 1 });
    // s2 is held by r1 and r3: a (r1), b (r1 and r3, once), c (r3); parents P and Q.
    expect(global['subjects|s2']).toMatchObject({ v_events: 4, v_visitors: 3, v_records: 2, v_parents: 2 });
    // Downloads: d fetched two files of r1 (s1 and s2).
    expect(global['subjects|s1']).toMatchObject({ d_events: 2, d_visitors: 1, d_files: 2, d_volume: 30 });
    expect(global['subjects|s2']).toMatchObject({ d_events: 2, d_visitors: 1, d_files: 2, d_volume: 30 });
  });

  it('when a visitor reaches two records of which one is outside the community, then the community counts that visitor as single', async () => {
    const c1 = await facts(await world(), 'c1');
    // c1 holds r1 and r3 only: a reached r1; b reached r1 and r3; c reached r3.
    expect(c1['|']).toMatchObject({ v_events: 4, v_visitors: 3, v_records: 2, v_parents: 2 });
    expect(c1['subjects|s1']).toMatchObject({ v_events: 2, v_visitors: 2, v_records: 1, v_parents: 1 });
    expect(c1['subjects|s2']).toMatchObject({ v_events: 4, v_visitors: 3, v_records: 2, v_parents: 2 });
  });

  it('when events carry countries, then visitors and records are distinct per country', async () => {
    const global = await facts(await world(), 'global');
    expect(global['countries|FR']).toMatchObject({ v_events: 3, v_visitors: 2, v_records: 3, v_parents: 2, d_events: 2, d_visitors: 1, d_files: 2, d_volume: 30 });
    expect(global['countries|DE']).toMatchObject({ v_events: 2, v_visitors: 1, v_records: 2, v_parents: 2 });
  });
});
