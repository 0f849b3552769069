/**
 * Monthly partitions on PostgreSQL (see migrations/004_pg_partitions.ts): before rows go into a
 * partitioned table, make sure the partitions for their months exist. Called by the PostgreSQL
 * engine's insertMany; a no-op for tables that are not partitioned.
 */
import type pg from 'pg';

/** Tables partitioned by month, and the DATE column that decides the partition. */
const MONTHLY: Record<string, string> = { events: 'day' };

/** Codes that mean "someone else got there first" or "the default partition already holds that month". */
const BENIGN = new Set(['42P07', '23505', '23514']);

type Queryable = Pick<pg.PoolClient, 'query'>;

function monthOf(value: unknown): string | null {
  const text = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : null;
  const month = text?.slice(0, 7) ?? null;
  return month && /^\d{4}-\d{2}$/.test(month) ? month : null;
}

export function partitionName(table: string, month: string): string {
  return `${table}_${month.replace('-', '_')}`;
}

export class MonthlyPartitions {
  /** `events_2024_01`-style names of partitions seen committed. */
  private readonly known = new Set<string>();

  /**
   * Create the missing monthly partitions for `rows`. `inTransaction`: `db` is a transaction's
   * client, so each creation runs under a savepoint (a lost race must not abort the caller's work)
   * and is not remembered until a later check sees it committed.
   */
  async ensure(
    db: Queryable,
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
    options: { inTransaction: boolean },
  ): Promise<void> {
    const column = MONTHLY[table];
    const at = column ? columns.indexOf(column) : -1;
    if (at < 0) return;
    const months = new Set<string>();
    for (const row of rows) {
      const month = monthOf(row[at]);
      if (month && !this.known.has(partitionName(table, month))) months.add(month);
    }
    if (months.size === 0) return;
    if (!(await this.refresh(db, table))) return;
    for (const month of months) {
      if (this.known.has(partitionName(table, month))) continue;
      await this.create(db, table, month, options.inTransaction);
    }
  }

  /** Learn the table's partitions; false when the table is not partitioned (DuckDB-shaped schema). */
  private async refresh(db: Queryable, table: string): Promise<boolean> {
    const result = await db.query(
      `SELECT c.relname AS name, p.partrelid IS NOT NULL AS partitioned
         FROM (SELECT to_regclass($1) AS oid) t
         LEFT JOIN pg_partitioned_table p ON p.partrelid = t.oid
         LEFT JOIN pg_inherits i ON i.inhparent = t.oid
         LEFT JOIN pg_class c ON c.oid = i.inhrelid`,
      [table],
    );
    const rows = result.rows as { name: string | null; partitioned: boolean }[];
    for (const r of rows) if (r.name) this.known.add(r.name);
    return rows.some((r) => r.partitioned);
  }

  private async create(db: Queryable, table: string, month: string, inTransaction: boolean): Promise<void> {
    const [year, mm] = month.split('-').map(Number) as [number, number];
    const next = mm === 12 ? `${year + 1}-01-01` : `${year}-${String(mm + 1).padStart(2, '0')}-01`;
    const name = partitionName(table, month);
    const sql = `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF ${table} FOR VALUES FROM ('${month}-01') TO ('${next}')`;
    if (inTransaction) await db.query('SAVEPOINT repostats_partition');
    try {
      await db.query(sql);
      if (inTransaction) await db.query('RELEASE SAVEPOINT repostats_partition');
      else this.known.add(name);
    } catch (error) {
      if (inTransaction) await db.query('ROLLBACK TO SAVEPOINT repostats_partition; RELEASE SAVEPOINT repostats_partition');
      // Lost a race to another process, or rows of that month already sit in the default
      // partition (they stay there, still found by every query, just not pruned).
      if (!BENIGN.has((error as { code?: string }).code ?? '')) throw error;
      if (!inTransaction) this.known.add(name);
    }
  }
}
