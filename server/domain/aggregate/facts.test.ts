import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../storage/open';
import type { SqlEngine } from '../../storage/port';
import { FACT_COLUMNS, TABLES, type Family } from './facts';

/** The key columns before the numbers, per family. */
const KEYS: Record<Family, string[]> = {
  records: ['basis', 'community_id', 'day', 'field', 'item_id'],
  usage: ['community_id', 'day', 'field', 'item_id'],
};

let db: SqlEngine;
beforeAll(async () => {
  db = await openDatabase(':memory:');
});
afterAll(() => db.close());

describe('the fact schema', () => {
  it.each(['records', 'usage'] as const)('when the %s fact table is migrated, then its columns are the keys and FACT_COLUMNS, in order', async (family) => {
    const rows = await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position`,
      [TABLES[family]],
    );
    expect(rows.map((r) => r.column_name)).toEqual([...KEYS[family], ...FACT_COLUMNS[family]]);
  });
});
