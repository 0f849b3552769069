/**
 * Bookmarks, dirty days and run history: what has been aggregated, and what must be again.
 */
import { AGGREGATION_KINDS, GLOBAL, type AggregationKind } from '../../../src/core/kinds';
import type { SqlEngine } from '../../storage/port';
import { inputWindow, type DayWindow } from './window';

export const RECORD_KINDS = AGGREGATION_KINDS.filter((k) => k.startsWith('records-'));
export const USAGE_KINDS = AGGREGATION_KINDS.filter((k) => k.startsWith('usage-'));

/** Every community the inputs know of, plus `global`, sorted. */
export async function knownCommunities(db: SqlEngine): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT DISTINCT community_id AS id FROM memberships
     UNION SELECT community_id AS id FROM communities
     UNION SELECT community_id AS id FROM history_docs
     UNION SELECT '${GLOBAL}' AS id`,
  );
  return rows.map((r) => r.id).sort();
}

/**
 * The last day the inputs speak of: the newest event, record creation or deletion,
 * membership change, or imported daily document. Derived from the data (not the wall clock) so re-runs are identical.
 */
export async function dataAsOf(db: SqlEngine, window: DayWindow = inputWindow(new Date())): Promise<string | null> {
  // Days outside the input window can only be old data (see ./window): they do not count.
  const inWindow = (column: string) => `${column} BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)`;
  const [row] = await db.query<{ d: string | null }>(
    `SELECT MAX(d) AS d FROM (
       SELECT MAX(day) AS d FROM events WHERE ${inWindow('day')}
       UNION ALL SELECT MAX(created) FROM records WHERE ${inWindow('created')}
       UNION ALL SELECT MAX(removed) FROM records WHERE ${inWindow('removed')}
       UNION ALL SELECT MAX(date) FROM memberships WHERE ${inWindow('date')}
       UNION ALL SELECT MAX(day) FROM history_docs WHERE ${inWindow('day')}
     ) t`,
    [window.first, window.last],
  );
  return row?.d ?? null;
}

export async function bookmarks(db: SqlEngine): Promise<Map<string, string>> {
  const rows = await db.query<{ kind: string; community_id: string; day: string }>(
    'SELECT kind, community_id, day FROM agg_bookmarks',
  );
  return new Map(rows.map((r) => [`${r.kind}|${r.community_id}`, r.day]));
}

export async function setBookmarks(
  tx: SqlEngine,
  entries: { kinds: readonly AggregationKind[]; communities: readonly string[]; day: string; at: string },
): Promise<void> {
  const rows = entries.kinds.flatMap((kind) => entries.communities.map((c) => [kind, c, entries.day, entries.at]));
  if (rows.length === 0) return;
  const communities = entries.communities.map((_, i) => `$${i + 1}`).join(', ');
  const kinds = entries.kinds.map((k) => `'${k}'`).join(', ');
  await tx.exec(`DELETE FROM agg_bookmarks WHERE kind IN (${kinds}) AND community_id IN (${communities})`, [
    ...entries.communities,
  ]);
  await tx.insertMany('agg_bookmarks', ['kind', 'community_id', 'day', 'updated_at'], rows);
}

/** Turn `community_id = '*'` record dirt into one row per known community, so units clear their own. */
export async function expandWildcardDirt(db: SqlEngine): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM dirty_days WHERE scope = 'records' AND community_id = '*'`,
    );
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

/**
 * Claim every dirty row of a scope for this run (rows a killed run claimed included). The run's
 * units clear only rows still claimed by it: ingest that marks a day again while the run is in
 * progress un-claims it (server/ingest/sql.ts `markDirty`), so the change cannot be cleared by a
 * unit that read its inputs before the change landed — it stays dirty for the next run.
 */
export async function claimDirt(db: SqlEngine, scope: 'records' | 'usage', runId: string): Promise<void> {
  await db.exec('UPDATE dirty_days SET claimed_by = $1 WHERE scope = $2', [runId, scope]);
}

export async function dirtyRecordCommunities(db: SqlEngine, runId: string): Promise<Map<string, string[]>> {
  const rows = await db.query<{ community_id: string; day: string }>(
    `SELECT community_id, day FROM dirty_days WHERE scope = 'records' AND claimed_by = $1 ORDER BY community_id, day`,
    [runId],
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.community_id, [...(out.get(r.community_id) ?? []), r.day]);
  return out;
}

export async function firstEventDay(db: SqlEngine, window: DayWindow = inputWindow(new Date())): Promise<string | null> {
  const [row] = await db.query<{ d: string | null }>('SELECT MIN(day) AS d FROM events WHERE day >= CAST($1 AS DATE)', [window.first]);
  return row?.d ?? null;
}
