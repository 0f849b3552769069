/** The labels of the items an answer names, by item id, from `item_labels`. */
import type { FieldId } from '../../src/core/fields';
import type { SqlEngine } from '../storage/port';
import { Params } from './sqlParts';

export async function itemLabels(
  db: SqlEngine,
  fields: readonly FieldId[],
  items: readonly (readonly string[])[],
): Promise<Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [i, field] of fields.entries()) {
    const ids = [...new Set(items.map((it) => it[i]!))];
    if (ids.length === 0) continue;
    const p = new Params();
    const rows = await db.query<{ item_id: string; labels: string }>(
      `SELECT item_id, labels FROM item_labels WHERE field = ${p.add(field)} AND item_id IN (${p.list(ids)})`,
      p.values,
    );
    for (const r of rows) {
      try {
        out[r.item_id] = JSON.parse(r.labels) as Record<string, string>;
      } catch {
        // A label that is not JSON is ignored rather than failing the answer.
      }
    }
  }
  return out;
}
