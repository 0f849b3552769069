/**
 * Store a batch of normalised records: upsert the rows, replace their subcount items (keeping the
 * replaced version's, server/ingest/itemHistory.ts), merge labels, continue their membership
 * history, and mark the days whose aggregations they change.
 */
import { GLOBAL } from '../../src/core/kinds';
import type { SqlEngine } from '../storage/port';
import { closeVersions } from './itemHistory';
import type { NormalisedRecord, RecordRow } from './record';
import { deriveMemberships, membershipValues, type MembershipRow, MEMBERSHIP_COLUMNS } from './membership';
import { markDirty, type DirtyDay } from '../storage/queries/dirtyDays';
import { membershipHistory } from '../storage/queries/memberships';
import { deleteRecordItemsAndFiles, firstEventDays, recordItemsOf, storedItemLabels, storedRecords, type StoredRecord } from '../storage/queries/records';
import { upsertRows } from '../storage/queries/slices';
import { dayOf, minDay, utcDay } from './time';
import type { Extracted } from './extract';
import { groupBy } from '../groupBy';

export const RECORD_COLUMNS = [
  'record_id', 'parent_id', 'owner_id', 'created', 'published', 'removed', 'files_enabled',
  'file_count', 'data_volume', 'title', 'updated', 'communities', 'raw',
] as const;

export async function storeRecords(
  db: SqlEngine,
  batch: readonly NormalisedRecord[],
  options: { now: Date },
): Promise<{ imported: number; skipped: number }> {
  // Several versions of a record in one batch are stored in turn, as they would be one line at a
  // time: each version's metadata keeps its period.
  const generations: NormalisedRecord[][] = [];
  const seen = new Map<string, number>();
  for (const r of batch) {
    const n = seen.get(r.row.record_id) ?? 0;
    seen.set(r.row.record_id, n + 1);
    (generations[n] ??= []).push(r);
  }
  return db.transaction(async (tx) => {
    const totals = { imported: 0, skipped: 0 };
    for (const generation of generations) {
      const { imported, skipped } = await storeGeneration(tx, generation, options);
      totals.imported += imported;
      totals.skipped += skipped;
    }
    return totals;
  });
}

/** Store records with distinct ids, inside the caller's transaction. */
async function storeGeneration(
  tx: SqlEngine,
  batch: readonly NormalisedRecord[],
  options: { now: Date },
): Promise<{ imported: number; skipped: number }> {
  const ids = batch.map((r) => r.row.record_id);
  const existing = new Map((await storedRecords(tx, ids)).map((r) => [r.record_id, r]));
  const changed = batch.filter((r) => existing.get(r.row.record_id)?.raw !== r.row.raw);
  const skipped = batch.length - changed.length;
  if (changed.length === 0) return { imported: 0, skipped };
  const changedIds = changed.map((r) => r.row.record_id);

  const history = await membershipHistory(tx, changedIds);
  const historyOf = groupBy(history, (h) => h.record_id);
  const nowDay = utcDay(options.now);
  const derived = changed.flatMap(({ row }) =>
    deriveMemberships({
      recordId: row.record_id,
      current: row.communities,
      history: historyOf.get(row.record_id) ?? [],
      firstSeen: !existing.has(row.record_id),
      createdDay: row.created,
      changeDay: dayOf(row.updated) ?? nowDay,
    }),
  );

  await upsertRows(tx, 'records', RECORD_COLUMNS, ['record_id'], changed.map(({ row }) => recordValues(row)));
  const oldItemRows = await recordItemsOf(tx, changedIds);
  const oldItems = itemSignatures(oldItemRows);
  await deleteRecordItemsAndFiles(tx, changedIds);
  await tx.insertMany(
    'record_items',
    ['record_id', 'field', 'item_id', 'file_count', 'data_volume'],
    changed.flatMap(({ row, extracted }) => extracted.items.map((i) => [row.record_id, i.field, i.item_id, i.file_count, i.data_volume])),
    { onConflict: 'ignore' },
  );
  await tx.insertMany(
    'record_files',
    ['record_id', 'file_key', 'size'],
    changed.flatMap(({ row, files }) => files.map((f) => [row.record_id, f.key, f.size])),
    { onConflict: 'ignore' },
  );
  await storeLabels(tx, changed.map((r) => r.extracted));
  await tx.insertMany('memberships', MEMBERSHIP_COLUMNS, derived.map(membershipValues), { onConflict: 'ignore' });
  const communities = new Set([...changed.flatMap((r) => r.row.communities), ...history.map((h) => h.community_id)]);
  await tx.insertMany('communities', ['community_id'], [...communities].filter((c) => c !== GLOBAL).map((c) => [c]), {
    onConflict: 'ignore',
  });
  const newItems = itemSignatures(changed.flatMap(({ row, extracted }) => extracted.items.map((i) => ({ record_id: row.record_id, ...i }))));
  // A known record whose items changed: its replaced version is kept, for the usage before.
  const oldItemsOf = groupBy(oldItemRows, (i) => i.record_id);
  const itemsChanged = await closeVersions(
    tx,
    changed
      .filter(({ row }) => existing.has(row.record_id) && oldItems.get(row.record_id) !== newItems.get(row.record_id))
      .map(({ row }) => ({
        record_id: row.record_id,
        day: dayOf(row.updated) ?? nowDay,
        oldRaw: existing.get(row.record_id)!.raw,
        oldItems: oldItemsOf.get(row.record_id) ?? [],
      })),
  );
  await markDirty(tx, await dirtyDaysFor(tx, { changed, existing, historyOf, derived, itemsChanged }));
  return { imported: changed.length, skipped };
}

export function recordValues(row: RecordRow): unknown[] {
  return RECORD_COLUMNS.map((c) => (c === 'communities' ? JSON.stringify(row.communities) : row[c]));
}

/** Labels are merged per language: a record carrying only `en` keeps another record's `fr`. */
export async function storeLabels(db: SqlEngine, extracted: readonly Extracted[]): Promise<void> {
  const merged = new Map<string, { field: string; item_id: string; labels: Record<string, string> }>();
  for (const e of extracted) {
    for (const l of e.labels) {
      const key = `${l.field}\u001f${l.item_id}`;
      const prior = merged.get(key);
      merged.set(key, { ...l, labels: { ...(prior?.labels ?? {}), ...l.labels } });
    }
  }
  if (merged.size === 0) return;
  const keys = [...merged.keys()];
  const stored = await storedItemLabels(db, keys);
  for (const s of stored) {
    const m = merged.get(`${s.field}\u001f${s.item_id}`)!;
    m.labels = { ...(JSON.parse(s.labels) as Record<string, string>), ...m.labels };
  }
  await upsertRows(db, 'item_labels', ['field', 'item_id', 'labels'], ['field', 'item_id'], [...merged.values()].map((m) => [
    m.field,
    m.item_id,
    JSON.stringify(sortKeys(m.labels)),
  ]));
}

function sortKeys(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}

async function dirtyDaysFor(
  db: SqlEngine,
  ctx: {
    changed: readonly NormalisedRecord[];
    existing: Map<string, StoredRecord>;
    historyOf: Map<string, MembershipRow[]>;
    derived: readonly MembershipRow[];
    /** Known records whose items changed, and the day from which their usage subcounts change. */
    itemsChanged: ReadonlyMap<string, string>;
  },
): Promise<DirtyDay[]> {
  const days: DirtyDay[] = [];
  const derivedOf = groupBy(ctx.derived, (d) => d.record_id);
  const newIds = ctx.changed.map((r) => r.row.record_id).filter((id) => !ctx.existing.has(id));
  const firstEvent = await firstEventDays(db, ctx.changed.map((r) => r.row.record_id));
  for (const { row } of ctx.changed) {
    const old = ctx.existing.get(row.record_id);
    const history = ctx.historyOf.get(row.record_id) ?? [];
    const derived = derivedOf.get(row.record_id) ?? [];
    const day = minDay(
      row.created, row.published, row.removed, old?.created, old?.published, old?.removed,
      ...history.map((h) => h.date), ...derived.map((d) => d.date),
    )!;
    const oldCommunities = old ? (JSON.parse(old.communities) as string[]) : [];
    const communities = new Set([GLOBAL, ...row.communities, ...oldCommunities, ...history.map((h) => h.community_id)]);
    for (const c of communities) days.push({ scope: 'records', community_id: c, day });
    const eventDay = firstEvent.get(row.record_id);
    if (!eventDay) continue;
    // Usage is attributed by membership at the event's time and broken down by the record's
    // subcount items at the event's time: it changes when the record first arrives (its events had
    // no record), from the day its items change, or when its membership history grows.
    const itemsFrom = newIds.includes(row.record_id) ? eventDay : ctx.itemsChanged.get(row.record_id);
    if (itemsFrom) {
      for (const c of communities) days.push({ scope: 'usage', community_id: c, day: itemsFrom > eventDay ? itemsFrom : eventDay });
    }
    for (const d of derived) days.push({ scope: 'usage', community_id: d.community_id, day: d.date > eventDay ? d.date : eventDay });
  }
  return days;
}

/** Per record, its subcount items as one comparable string. */
function itemSignatures(items: readonly { record_id: string; field: string; item_id: string }[]): Map<string, string> {
  const byRecord = groupBy(items, (i) => i.record_id);
  return new Map([...byRecord].map(([id, list]) => [id, list.map((i) => `${i.field}\u001f${i.item_id}`).sort().join('\u001e')]));
}
