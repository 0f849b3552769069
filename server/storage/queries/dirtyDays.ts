/**
 * The dirty days (`dirty_days`): which days of which scope and community must be aggregated again.
 * Ingest marks them (`markDirty`); a run claims, expands and clears them.
 */
import { FIRST_DAY } from '../../../src/core/dateWindow';
import { GLOBAL } from '../../../src/core/kinds';
import type { SqlEngine } from '../port';
import { inSlices, placeholders } from './slices';

export type DirtScope = 'records' | 'usage';

const OUTSIDE = `day < CAST($1 AS DATE) OR day > CAST($2 AS DATE)`;

/** Deletes the dirty days outside `first..last`; returns them, sorted. */
export async function deleteDirtOutside(db: SqlEngine, window: { first: string; last: string }): Promise<string[]> {
  const rows = await db.query<{ day: string }>(`SELECT DISTINCT CAST(day AS TEXT) AS day FROM dirty_days WHERE ${OUTSIDE} ORDER BY 1`, [
    window.first,
    window.last,
  ]);
  if (rows.length > 0) await db.exec(`DELETE FROM dirty_days WHERE ${OUTSIDE}`, [window.first, window.last]);
  return rows.map((r) => r.day);
}

/** Turns `community_id = '*'` record dirt into one row per known community, so units clear their own. */
export async function expandWildcardDirt(db: SqlEngine): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ n: number }>(`SELECT COUNT(*) AS n FROM dirty_days WHERE scope = 'records' AND community_id = '*'`);
    if (!row || row.n === 0) return;
    await tx.exec(
      `INSERT INTO dirty_days (scope, community_id, day)
       SELECT DISTINCT 'records', c.id, d.day
       FROM dirty_days d CROSS JOIN (
         SELECT DISTINCT community_id AS id FROM memberships UNION SELECT '${GLOBAL}' AS id
       ) c
       WHERE d.scope = 'records' AND d.community_id = '*'
       ON CONFLICT DO NOTHING`,
    );
    await tx.exec(`DELETE FROM dirty_days WHERE scope = 'records' AND community_id = '*'`);
  });
}

/** Claims every dirty row of a scope for the run `runId` (rows a killed run claimed included). */
export async function claimDirt(db: SqlEngine, scope: DirtScope, runId: string): Promise<void> {
  await db.exec('UPDATE dirty_days SET claimed_by = $1 WHERE scope = $2', [runId, scope]);
}

/** The dirty days of a scope the run `runId` claimed, by community then day. */
export async function claimedDirt(db: SqlEngine, scope: DirtScope, runId: string): Promise<{ community_id: string; day: string }[]> {
  return db.query<{ community_id: string; day: string }>(
    `SELECT community_id, day FROM dirty_days WHERE scope = $2 AND claimed_by = $1 ORDER BY community_id, day`,
    [runId, scope],
  );
}

/** Clears the record dirt of `communities` still claimed by the run. */
export async function clearClaimedRecordDirt(tx: SqlEngine, runId: string, communities: readonly string[]): Promise<void> {
  if (communities.length === 0) return;
  await tx.exec(`DELETE FROM dirty_days WHERE scope = 'records' AND claimed_by = $1 AND community_id IN (${placeholders(communities.length, 1)})`, [
    runId,
    ...communities,
  ]);
}

/** Clears the usage dirt up to `lastDay` still claimed by the run. */
export async function clearClaimedUsageDirt(tx: SqlEngine, runId: string, lastDay: string): Promise<void> {
  await tx.exec(`DELETE FROM dirty_days WHERE scope = 'usage' AND claimed_by = $2 AND day <= CAST($1 AS DATE)`, [lastDay, runId]);
}

/** Marks days dirty again, claimed by the run (a unit carrying work over to the next month); existing rows stay. */
export async function addClaimedDirt(tx: SqlEngine, scope: DirtScope, runId: string, rows: readonly { community: string; day: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insertMany(
    'dirty_days',
    ['scope', 'community_id', 'day', 'claimed_by'],
    rows.map((r) => [scope, r.community, r.day, runId]),
    { onConflict: 'ignore' },
  );
}

/** Pending dirty days per scope and community (`*`: every community). */
export async function dirtCounts(db: SqlEngine): Promise<{ scope: string; community_id: string; n: number }[]> {
  return db.query<{ scope: string; community_id: string; n: number }>(
    `SELECT scope, community_id, COUNT(*) AS n FROM dirty_days GROUP BY scope, community_id`,
  );
}

export interface DirtyDay {
  scope: DirtScope;
  community_id: string;
  day: string;
}

/**
 * Record days whose aggregations must be recomputed; the aggregator claims, reads and clears them.
 * A day already marked and claimed by a run in progress is un-claimed, so that run leaves it dirty:
 * the change may have landed after the run read its inputs (see server/domain/aggregate/state.ts).
 *
 * A day before FIRST_DAY (a record published in 1985: publication dates are metadata, not inputs
 * the window bounds) is marked as FIRST_DAY, the first day a run computes: "from 1985 on" means
 * every computed day, and a run would drop a 1985 dirty day as outside its window (with a warning),
 * losing the change with it.
 */
export async function markDirty(db: SqlEngine, days: Iterable<DirtyDay>): Promise<void> {
  const unique = new Map<string, DirtyDay>();
  for (const d of days) {
    const day = d.day < FIRST_DAY ? FIRST_DAY : d.day;
    unique.set(`${d.scope}\u0000${d.community_id}\u0000${day}`, { ...d, day });
  }
  if (unique.size === 0) return;
  await db.insertMany(
    'dirty_days',
    ['scope', 'community_id', 'day'],
    [...unique.values()].map((d) => [d.scope, d.community_id, d.day]),
    { onConflict: 'ignore' },
  );
  // Claims exist only while a run is in progress (or after one was killed): usually nothing to do.
  const claimed = await db.query<{ scope: string; community_id: string; day: string }>(
    'SELECT scope, community_id, CAST(day AS TEXT) AS day FROM dirty_days WHERE claimed_by IS NOT NULL',
  );
  const again = new Map<string, string[]>();
  for (const c of claimed) {
    if (!unique.has(`${c.scope}\u0000${c.community_id}\u0000${c.day}`)) continue;
    const group = `${c.scope}\u0000${c.community_id}`;
    again.set(group, [...(again.get(group) ?? []), c.day]);
  }
  for (const [group, days] of again) {
    const [scope, community] = group.split('\u0000') as [string, string];
    await inSlices(days, 1, (slice) =>
      db.exec(
        `UPDATE dirty_days SET claimed_by = NULL
         WHERE scope = $1 AND community_id = $2 AND CAST(day AS TEXT) IN (${placeholders(slice.length, 2)})`,
        [scope, community, ...slice],
      ),
    );
  }
}
