/** The aggregation bookmarks (`agg_bookmarks`): per kind and community, the last day aggregated. */
import type { SqlEngine } from '../port';
import { placeholders } from './slices';

/** `kind|community` → the bookmarked day. */
export async function readBookmarks(db: SqlEngine): Promise<Map<string, string>> {
  const rows = await db.query<{ kind: string; community_id: string; day: string }>('SELECT kind, community_id, day FROM agg_bookmarks');
  return new Map(rows.map((r) => [`${r.kind}|${r.community_id}`, r.day]));
}

/** Sets the bookmark of every kind × community to `day` (replacing what was there). */
export async function writeBookmarks(
  tx: SqlEngine,
  entries: { kinds: readonly string[]; communities: readonly string[]; day: string; at: string },
): Promise<void> {
  const rows = entries.kinds.flatMap((kind) => entries.communities.map((c) => [kind, c, entries.day, entries.at]));
  if (rows.length === 0) return;
  await tx.exec(
    `DELETE FROM agg_bookmarks WHERE kind IN (${placeholders(entries.kinds.length)}) AND community_id IN (${placeholders(entries.communities.length, entries.kinds.length)})`,
    [...entries.kinds, ...entries.communities],
  );
  await tx.insertMany('agg_bookmarks', ['kind', 'community_id', 'day', 'updated_at'], rows);
}
