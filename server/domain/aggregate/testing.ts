/**
 * Helpers for the aggregation tests: a migrated in-memory DuckDB and terse inserts into the input
 * tables, so each test states its hand-computed case in a few lines.
 */
import { openDuckDb } from '../../storage/duckdb';
import { migrate } from '../../storage/migrate';
import type { SqlEngine } from '../../storage/port';

export async function freshDb(): Promise<SqlEngine> {
  const db = await openDuckDb(':memory:');
  await migrate(db);
  return db;
}

export interface RecordInput {
  id: string;
  parent?: string;
  owner?: string | null;
  created: string;
  published?: string | null;
  removed?: string | null;
  files?: { count: number; volume: number };
  items?: Record<string, string[]>;
}

export async function addRecords(db: SqlEngine, records: readonly RecordInput[]): Promise<void> {
  await db.insertMany(
    'records',
    ['record_id', 'parent_id', 'owner_id', 'created', 'published', 'removed', 'files_enabled', 'file_count', 'data_volume', 'raw'],
    records.map((r) => [
      r.id, r.parent ?? `p-${r.id}`, r.owner === undefined ? 'u1' : r.owner, r.created, r.published ?? null,
      r.removed ?? null, r.files !== undefined, r.files?.count ?? 0, r.files?.volume ?? 0, '{}',
    ]),
  );
  const items = records.flatMap((r) =>
    Object.entries(r.items ?? {}).flatMap(([field, ids]) => ids.map((id) => [r.id, field, id])),
  );
  await db.insertMany('record_items', ['record_id', 'field', 'item_id'], items);
}

export async function addMemberships(
  db: SqlEngine,
  rows: readonly [record: string, community: string, action: 'added' | 'removed', date: string][],
): Promise<void> {
  await db.insertMany('memberships', ['record_id', 'community_id', 'action', 'date', 'source'], rows.map((r) => [...r, 'explicit']));
}

export interface EventInput {
  type: 'view' | 'download';
  ts: string;
  record: string;
  visitor: string;
  file?: string;
  size?: number;
  country?: string;
  referrer?: string;
  robot?: boolean;
}

let eventSeq = 0;
export async function addEvents(db: SqlEngine, events: readonly EventInput[]): Promise<void> {
  await db.insertMany(
    'events',
    ['event_key', 'type', 'ts', 'day', 'record_id', 'file_key', 'size', 'visitor_id', 'country', 'referrer', 'is_robot', 'ok'],
    events.map((e) => [
      `e${++eventSeq}`, e.type, e.ts.replace('T', ' ').replace('Z', ''), e.ts.slice(0, 10), e.record, e.file ?? null,
      e.size ?? null, e.visitor, e.country ?? null, e.referrer ?? null, e.robot ?? false, true,
    ]),
  );
}

export async function markDirty(db: SqlEngine, scope: 'records' | 'usage', community: string, day: string): Promise<void> {
  await db.exec(`INSERT INTO dirty_days (scope, community_id, day) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [scope, community, day]);
}

/** A stored item label (as a record's metadata would leave it): `labels` by language. */
export async function addItemLabel(db: SqlEngine, field: string, id: string, labels: Record<string, string>): Promise<void> {
  await db.insertMany('item_labels', ['field', 'item_id', 'labels'], [[field, id, JSON.stringify(labels)]]);
}
