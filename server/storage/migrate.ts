/**
 * Versioned migrations, applied in id order, each once, for both engines.
 * Each area owns a file under `migrations/`; `MIGRATIONS` concatenates them. Then the fact
 * tables gain the columns `FACT_COLUMNS` names and they lack (factColumns.ts): a new fact column
 * needs no migration.
 */
import type { Migration, SqlEngine } from './port';
import { MIGRATIONS } from './migrations/index';
import { syncFactColumns } from './factColumns';

export async function migrate(db: SqlEngine, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const done = new Set((await db.query<{ id: string }>('SELECT id FROM schema_migrations')).map((r) => r.id));
  const applied: string[] = [];
  for (const m of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
    if (done.has(m.id)) continue;
    await db.transaction(async (tx) => {
      for (const statement of splitStatements(m.up(db.dialect))) await tx.exec(statement);
      await tx.exec('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)', [m.id, new Date().toISOString()]);
    });
    applied.push(m.id);
  }
  await syncFactColumns(db);
  return applied;
}

function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
