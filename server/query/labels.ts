/**
 * The labels of the items an answer names, by item id: those stored from records (`item_labels`),
 * with the field's vocabulary (`server/config/vocabularies.ts`) filling what a record did not give.
 * A record is labelled by its title, in no stated language (`und`).
 */
import { RECORD_DIMENSION, type ItemDimension } from '../../src/api/query';
import { labelsFor, resolveVocabularies, type Vocabularies } from '../config/vocabularies';
import type { SqlEngine } from '../storage/port';
import { Params } from './sqlParts';

export async function itemLabels(
  db: SqlEngine,
  fields: readonly ItemDimension[],
  items: readonly (readonly string[])[],
  vocabularies: Vocabularies = resolveVocabularies(),
): Promise<Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [i, field] of fields.entries()) {
    const ids = [...new Set(items.map((it) => it[i]!))];
    if (ids.length === 0) continue;
    const p = new Params();
    if (field === RECORD_DIMENSION) {
      const titles = await db.query<{ record_id: string; title: string | null }>(
        `SELECT record_id, title FROM records WHERE record_id IN (${p.list(ids)})`,
        p.values,
      );
      for (const r of titles) if (r.title) out[r.record_id] = { und: r.title };
      continue;
    }
    const rows = await db.query<{ item_id: string; labels: string }>(
      `SELECT item_id, labels FROM item_labels WHERE field = ${p.add(field)} AND item_id IN (${p.list(ids)})`,
      p.values,
    );
    const stored = new Map<string, Record<string, unknown>>();
    for (const r of rows) {
      try {
        const parsed = JSON.parse(r.labels) as unknown;
        if (parsed && typeof parsed === 'object') stored.set(r.item_id, parsed as Record<string, unknown>);
      } catch {
        // A label that is not JSON is ignored rather than failing the answer.
      }
    }
    for (const id of ids) {
      const labels = labelsFor(vocabularies, field, id, stored.get(id));
      if (Object.keys(labels).length > 0) out[id] = labels;
    }
  }
  return out;
}
