/**
 * Per-community layout overrides, stored as JSON in the `layouts` table. The effective layout is
 * the default (global or community) merged with the override; deleting the override restores it.
 */
import type { SqlEngine } from '../port';

export async function getLayoutOverride(db: SqlEngine, community: string): Promise<unknown | null> {
  const [row] = await db.query<{ override: string }>('SELECT override FROM layouts WHERE community_id = $1', [community]);
  return row ? (JSON.parse(row.override) as unknown) : null;
}

export async function putLayoutOverride(db: SqlEngine, community: string, override: unknown): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.exec('DELETE FROM layouts WHERE community_id = $1', [community]);
    await tx.exec('INSERT INTO layouts (community_id, override, updated_at) VALUES ($1, $2, $3)', [
      community,
      JSON.stringify(override),
      new Date().toISOString(),
    ]);
  });
}

/** Returns whether an override existed. */
export async function deleteLayoutOverride(db: SqlEngine, community: string): Promise<boolean> {
  const existed = (await getLayoutOverride(db, community)) !== null;
  await db.exec('DELETE FROM layouts WHERE community_id = $1', [community]);
  return existed;
}

/** The communities with a saved layout (an override). */
export async function savedLayoutCommunities(db: SqlEngine): Promise<string[]> {
  const rows = await db.query<{ community_id: string }>('SELECT community_id FROM layouts ORDER BY community_id');
  return rows.map((r) => r.community_id);
}
