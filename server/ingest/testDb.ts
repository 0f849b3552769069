/** Test support: a fresh, migrated in-memory DuckDB (real engine, no mocks). */
import { openDuckDb } from '../storage/duckdb';
import { migrate } from '../storage/migrate';
import type { SqlEngine } from '../storage/port';

export async function freshDb(): Promise<SqlEngine> {
  const db = await openDuckDb(':memory:');
  await migrate(db);
  return db;
}

export const lines = (...objects: unknown[]): string[] => objects.map((o) => JSON.stringify(o));
