/**
 * Community lookups (for the HTTP layer and the CLI): by id or slug, with record counts and the first/last day
 * with input data. `global` is virtual (never restricted, always enabled).
 */
import { GLOBAL } from '../../src/core/kinds';
import type { SqlEngine } from './port';

export interface CommunityRow {
  id: string;
  slug: string | null;
  title: string | null;
  restricted: boolean;
  enabled: boolean;
  tokenHash: string | null;
}

export const GLOBAL_COMMUNITY: CommunityRow = {
  id: GLOBAL,
  slug: GLOBAL,
  title: null,
  restricted: false,
  enabled: true,
  tokenHash: null,
};

type Raw = {
  community_id: string;
  slug: string | null;
  title: string | null;
  restricted: boolean;
  enabled: boolean;
  token_hash: string | null;
};

const toRow = (r: Raw): CommunityRow => ({
  id: r.community_id,
  slug: r.slug,
  title: r.title,
  restricted: Boolean(r.restricted),
  enabled: Boolean(r.enabled),
  tokenHash: r.token_hash,
});

/** Communities known from the communities table, or from memberships or imported daily documents alone. */
export async function listCommunityRows(db: SqlEngine): Promise<CommunityRow[]> {
  const rows = await db.query<Raw>(`
    SELECT c.community_id, c.slug, c.title, c.restricted, c.enabled, c.token_hash FROM communities c
    UNION ALL
    SELECT DISTINCT x.community_id, NULL, NULL, false, true, NULL
      FROM (SELECT community_id FROM memberships UNION SELECT community_id FROM history_docs WHERE community_id <> '${GLOBAL}') x
      WHERE x.community_id NOT IN (SELECT community_id FROM communities)
    ORDER BY 1`);
  return rows.map(toRow);
}

export interface CommunityFigures {
  records: number;
  firstDay: string | null;
  lastDay: string | null;
}

/**
 * Current holdings (added − removed > 0, not deleted) and the span of days with input data
 * (membership changes and usage events of member records) for every community, plus `global`.
 */
export async function communityFigures(db: SqlEngine): Promise<Map<string, CommunityFigures>> {
  const held = await db.query<{ community_id: string; records: number; first_day: string | null; last_day: string | null }>(`
    WITH net AS (
      SELECT m.community_id, m.record_id,
        sum(CASE WHEN m.action = 'added' THEN 1 ELSE -1 END) AS n,
        min(m.date) AS first_day, max(m.date) AS last_day
      FROM memberships m GROUP BY m.community_id, m.record_id
    ), ev AS (
      SELECT record_id, min(day) AS first_day, max(day) AS last_day FROM events GROUP BY record_id
    )
    SELECT net.community_id,
      CAST(count(DISTINCT CASE WHEN net.n > 0 AND r.removed IS NULL THEN net.record_id END) AS BIGINT) AS records,
      CAST(min(LEAST(net.first_day, COALESCE(ev.first_day, net.first_day))) AS DATE) AS first_day,
      CAST(max(GREATEST(net.last_day, COALESCE(ev.last_day, net.last_day))) AS DATE) AS last_day
    FROM net LEFT JOIN records r ON r.record_id = net.record_id LEFT JOIN ev ON ev.record_id = net.record_id
    GROUP BY net.community_id`);
  const out = new Map<string, CommunityFigures>();
  for (const r of held) out.set(r.community_id, { records: Number(r.records), firstDay: r.first_day, lastDay: r.last_day });
  const [g] = await db.query<{ records: number; first_day: string | null; last_day: string | null }>(`
    SELECT CAST((SELECT count(*) FROM records WHERE removed IS NULL) AS BIGINT) AS records,
      CAST(LEAST((SELECT min(created) FROM records), (SELECT min(day) FROM events)) AS DATE) AS first_day,
      CAST(GREATEST((SELECT max(created) FROM records), (SELECT max(removed) FROM records), (SELECT max(day) FROM events)) AS DATE) AS last_day`);
  out.set(GLOBAL, { records: Number(g?.records ?? 0), firstDay: g?.first_day ?? null, lastDay: g?.last_day ?? null });
  return out;
}

/** Names communities that have no slug yet (`slug`, `title`); a community named before keeps its names. */
export async function nameUnnamedCommunities(db: SqlEngine, communities: readonly { id: string; slug: string; title: string }[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const c of communities) {
      await tx.exec('UPDATE communities SET slug = $1, title = $2 WHERE community_id = $3 AND slug IS NULL', [c.slug, c.title, c.id]);
    }
  });
}
