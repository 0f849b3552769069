/** The ingest's key/value state (`ingest_state`): configuration hashes, the visitor salt, harvest cursors. */
import { randomBytes } from 'node:crypto';
import type { SqlEngine } from '../port';
import { upsertRows } from './slices';

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
