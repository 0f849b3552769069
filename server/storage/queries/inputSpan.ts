/** What the input tables span: the communities they know of, and their first and last days. */
import { GLOBAL } from '../../../src/core/kinds';
import type { SqlEngine } from '../port';

/** Every community the inputs know of (memberships, communities, imported documents), plus `global`, sorted. */
export async function inputCommunities(db: SqlEngine): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT DISTINCT community_id AS id FROM memberships
     UNION SELECT community_id AS id FROM communities
     UNION SELECT community_id AS id FROM history_docs
     UNION SELECT '${GLOBAL}' AS id`,
  );
  return rows.map((r) => r.id).sort();
}

/**
 * The last day inside `first..last` the inputs speak of: the newest event, record creation or
 * deletion, membership change, or imported daily document.
 */
export async function lastInputDayWithin(db: SqlEngine, window: { first: string; last: string }): Promise<string | null> {
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

/** The first day with a usage event on or after `from`. */
export async function firstEventDaySince(db: SqlEngine, from: string): Promise<string | null> {
  const [row] = await db.query<{ d: string | null }>('SELECT MIN(day) AS d FROM events WHERE day >= CAST($1 AS DATE)', [from]);
  return row?.d ?? null;
}

/** The first day of each input: record creation and publication, membership change, usage event. */
export async function firstInputDays(
  db: SqlEngine,
): Promise<{ created: string | null; published: string | null; joined: string | null; used: string | null }> {
  const [r] = await db.query<{ created: string | null; published: string | null; joined: string | null; used: string | null }>(
    `SELECT (SELECT CAST(min(created) AS TEXT) FROM records) AS created,
            (SELECT CAST(min(published) AS TEXT) FROM records) AS published,
            (SELECT CAST(min(date) AS TEXT) FROM memberships) AS joined,
            (SELECT CAST(min(day) AS TEXT) FROM events) AS used`,
  );
  return r ?? { created: null, published: null, joined: null, used: null };
}
