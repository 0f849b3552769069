/**
 * Small SQL helpers the ingest stores share. Portable across DuckDB and PostgreSQL
 * (`INSERT … ON CONFLICT … DO UPDATE`, positional parameters).
 */
import { randomBytes } from 'node:crypto';
import type { SqlEngine } from '../storage/port';

const MAX_PARAMS = 20_000;

/** `$1,$2,…` placeholders for a list, starting after `offset` parameters. */
export function placeholders(count: number, offset = 0): string {
  return Array.from({ length: count }, (_, i) => `$${offset + i + 1}`).join(',');
}

/** Run `fn` over `items` in slices small enough for one statement's parameter limit. */
export async function inSlices<T>(items: readonly T[], perItem: number, fn: (slice: readonly T[]) => Promise<void>): Promise<void> {
  const size = Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, perItem)));
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

/** SELECT rows whose `column` is in `values`, in slices. */
export async function selectIn<T>(
  db: SqlEngine,
  sql: (inList: string) => string,
  values: readonly string[],
): Promise<T[]> {
  const out: T[] = [];
  await inSlices(values, 1, async (slice) => {
    out.push(...((await db.query(sql(placeholders(slice.length)), slice)) as T[]));
  });
  return out;
}

/** Run a statement over `values` in slices (e.g. DELETE … WHERE id IN (…)). */
export async function execIn(db: SqlEngine, sql: (inList: string) => string, values: readonly string[]): Promise<void> {
  await inSlices(values, 1, async (slice) => db.exec(sql(placeholders(slice.length)), slice));
}

/** Insert rows, replacing the non-key columns of rows whose key already exists. Rows must have distinct keys. */
export async function upsertRows(
  db: SqlEngine,
  table: string,
  columns: readonly string[],
  keys: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const updates = columns.filter((c) => !keys.includes(c)).map((c) => `${c} = excluded.${c}`);
  const action = updates.length ? `DO UPDATE SET ${updates.join(', ')}` : 'DO NOTHING';
  await inSlices(rows, columns.length, async (slice) => {
    const params: unknown[] = [];
    const tuples = slice.map((row) => {
      const start = params.length;
      params.push(...row);
      return `(${placeholders(row.length, start)})`;
    });
    await db.exec(
      `INSERT INTO ${table} (${columns.join(',')}) VALUES ${tuples.join(',')} ON CONFLICT (${keys.join(',')}) ${action}`,
      params,
    );
  });
}

export async function readState(db: SqlEngine, key: string): Promise<string | null> {
  const rows = await db.query<{ value: string }>('SELECT value FROM ingest_state WHERE key = $1', [key]);
  return rows[0]?.value ?? null;
}

export async function writeState(db: SqlEngine, key: string, value: string): Promise<void> {
  await upsertRows(db, 'ingest_state', ['key', 'value'], ['key'], [[key, value]]);
}

/** The installation's secret salt for visitor hashes, created on first use and kept in the database. */
export async function visitorSalt(db: SqlEngine): Promise<string> {
  const existing = await readState(db, 'visitor_salt');
  if (existing) return existing;
  await db.exec('INSERT INTO ingest_state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    'visitor_salt',
    randomBytes(32).toString('hex'),
  ]);
  return (await readState(db, 'visitor_salt'))!;
}

export type DirtyScope = 'records' | 'usage';
export interface DirtyDay {
  scope: DirtyScope;
  community_id: string;
  day: string;
}

/**
 * Record days whose aggregations must be recomputed; the aggregator claims, reads and clears them.
 * A day already marked and claimed by a run in progress is un-claimed, so that run leaves it dirty:
 * the change may have landed after the run read its inputs (see server/domain/aggregate/state.ts).
 */
export async function markDirty(db: SqlEngine, days: Iterable<DirtyDay>): Promise<void> {
  const unique = new Map<string, DirtyDay>();
  for (const d of days) unique.set(`${d.scope}\u0000${d.community_id}\u0000${d.day}`, d);
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
