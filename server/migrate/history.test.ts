/**
 * The reference's eight daily aggregation indices as history: a synthetic export built from the
 * reference's sample documents, with days that have documents only and a day that also has raw
 * inputs. After `repostats aggregate`, the served documents give the exported figures on the
 * document-only days and the raw inputs' figures on the other; a re-run changes nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AggregationKind } from '../../src/core/kinds';
import { runAggregation } from '../domain/aggregate/run';
import { getDailyDocs } from '../domain/docs/get';
import { freshDb } from '../ingest/testDb';
import type { SqlEngine } from '../storage/port';
import { BASES, BOTH, C, DOC_ONLY, writeExport, type Json } from './historyFixture';
import { runMigration } from './migrate';

const ndjson = (rows: unknown[]) => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;

/** Figures rounded as the facts hold them (the reference stores volumes as floats). */
const rounded = (v: unknown): unknown =>
  typeof v === 'number' ? Math.round(v) : Array.isArray(v) ? v.map(rounded)
  : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)])) : v;
const pick = (doc: Json, keys: string[]) => rounded(Object.fromEntries(keys.map((k) => [k, doc[k]])));
/** Each subcount field's items as `{id, figures}`, by id (labels and ranking order aside). */
const items = (doc: Json, figures: string[]) =>
  Object.fromEntries(Object.entries(doc['subcounts'] as Json).filter(([, v]) => Array.isArray(v) && v.length).map(([field, list]) => [
    field, rounded((list as Json[]).map((it) => ({ id: it['id'], ...Object.fromEntries(figures.map((f) => [f, it[f]])) })).sort((a, b) => (a.id < b.id ? -1 : 1))),
  ]));
const dayOf = (doc: Json) => String(doc['period_start'] ?? doc['snapshot_date']).slice(0, 10);

let db: SqlEngine;
let dir: string;
let exported: ReturnType<typeof writeExport>;
beforeEach(async () => {
  db = await freshDb();
  dir = mkdtempSync(join(tmpdir(), 'repostats-history-'));
  exported = writeExport(dir);
});
afterEach(async () => db.close());

const migrate = () => runMigration(db, { dir, salt: 's', now: new Date(`${BOTH}T12:00:00Z`) });
const served = async (kind: AggregationKind) => (await getDailyDocs(db, { kind, community: C, start: '2025-05-01', end: BOTH })) as unknown as Json[];
const servedOn = async (kind: AggregationKind, day: string) => (await served(kind)).find((d) => dayOf(d) === day)!;

describe('repostats migrate: the daily aggregation indices as history', () => {
  it('when the export holds all eight indices, then each is imported and the report says which days come from which source', async () => {
    const report = await migrate();
    const daily = report.indices.filter((i) => i.kind === 'daily-aggregation');
    expect(daily.map((i) => [i.index, i.read, i.imported, i.rejected])).toEqual([
      ...BASES.map((b) => [`stats-community-records-delta-${b}-2025`, 5, 5, 0]),
      ...BASES.map((b) => [`stats-community-records-snapshot-${b}-2025`, 5, 5, 0]),
      ['stats-community-usage-delta-2025', 3, 3, 0],
      ['stats-community-usage-snapshot-2025', 3, 3, 0],
    ]);
    expect(report.history.find((h) => h.kind === 'usage-delta')).toEqual({ kind: 'usage-delta', days: 3, first: '2025-05-31', last: BOTH, rawDays: 1 });
    expect(report.history.find((h) => h.kind === 'records-delta-added')).toEqual({ kind: 'records-delta-added', days: 5, first: '2025-05-30', last: BOTH, rawDays: 1 });
    // The raw record was published in 2008: on the published basis, every day is the documents'.
    expect(report.history.find((h) => h.kind === 'records-delta-published')).toMatchObject({ days: 5, rawDays: 0 });
  });

  it('when aggregated, then the record documents of document-only days are the exported ones and the raw day counts the raw record', async () => {
    await migrate();
    await runAggregation(db, { today: BOTH });
    const figures = ['records', 'parents', 'files'];
    for (const basis of BASES) {
      const kind = `records-delta-${basis}` as AggregationKind;
      for (const doc of exported.recordDeltas.filter((d) => DOC_ONLY.includes(dayOf(d)))) {
        const ours = await servedOn(kind, dayOf(doc));
        expect(pick(ours, [...figures, 'uploaders']), `${kind} ${dayOf(doc)}`).toEqual(pick(doc, [...figures, 'uploaders']));
        expect(items(ours, figures), `${kind} ${dayOf(doc)}`).toEqual(items(doc, figures));
      }
    }
    // 2025-06-03: the documents say two records were added; the raw inputs hold one, and win.
    const raw = await servedOn('records-delta-added', BOTH);
    expect(raw['records'].added).toEqual({ metadata_only: 0, with_files: 1 });
    for (const doc of exported.recordSnapshots.filter((d) => DOC_ONLY.includes(dayOf(d)))) {
      const ours = await servedOn('records-snapshot-added', dayOf(doc));
      expect(pick(ours, ['total_records', 'total_parents', 'total_files', 'total_uploaders']), dayOf(doc)).toEqual(
        pick(doc, ['total_records', 'total_parents', 'total_files', 'total_uploaders']),
      );
    }
    const last = await servedOn('records-snapshot-added', BOTH);
    expect(last['total_records']).toEqual({ metadata_only: 0, with_files: 3 });
  });

  it('when aggregated, then the usage documents of document-only days are the exported ones and the raw day counts the raw events', async () => {
    await migrate();
    await runAggregation(db, { today: BOTH });
    for (const doc of exported.usageDeltas.filter((d) => dayOf(d) !== BOTH)) {
      const ours = await servedOn('usage-delta', dayOf(doc));
      expect(pick(ours, ['totals']), dayOf(doc)).toEqual(pick(doc, ['totals']));
      expect(items(ours, ['view', 'download']), dayOf(doc)).toEqual(items(doc, ['view', 'download']));
    }
    const snapshot = exported.usageSnapshots.find((d) => dayOf(d) === '2025-06-01')!;
    expect(pick(await servedOn('usage-snapshot', '2025-06-01'), ['totals'])).toEqual(pick(snapshot, ['totals']));
    // 2025-06-03 has one raw view: it replaces the day's document (3 views, 3 downloads).
    const raw = await servedOn('usage-delta', BOTH);
    expect([raw['totals'].view.total_events, raw['totals'].download.total_events]).toEqual([1, 0]);
  });

  it('when the export is migrated and aggregated again, then nothing changes', async () => {
    await migrate();
    await runAggregation(db, { today: BOTH });
    const kinds: AggregationKind[] = ['records-delta-added', 'records-snapshot-published', 'usage-delta', 'usage-snapshot'];
    const before = await Promise.all(kinds.map(served));
    const again = await migrate();
    expect(again.changed).toBe(false);
    expect(again.indices.filter((i) => i.kind === 'daily-aggregation').every((i) => i.imported === 0 && i.skipped === i.read)).toBe(true);
    await runAggregation(db, { today: BOTH });
    expect(await Promise.all(kinds.map(served))).toEqual(before);
  });

  it('when a document changes between two exports, then the re-run replaces that day only and the next aggregation serves it', async () => {
    await migrate();
    await runAggregation(db, { today: BOTH });
    const changed = exported.usageDeltas.map((d, i) => (i === 0 ? { ...d, totals: { ...d['totals'], view: { ...d['totals'].view, total_events: 99 } } } : d));
    writeFileSync(join(dir, 'stats-community-usage-delta-2025.ndjson'), ndjson(changed.map((d) => ({ _index: 'stats-community-usage-delta-2025', _id: `${C}-${dayOf(d)}`, _source: d }))));
    const again = await migrate();
    expect(again.indices.find((i) => i.index === 'stats-community-usage-delta-2025')).toMatchObject({ read: 3, imported: 1, skipped: 2 });
    await runAggregation(db, { today: BOTH });
    expect((await servedOn('usage-delta', '2025-05-31'))['totals'].view.total_events).toBe(99);
    expect(pick(await servedOn('usage-delta', '2025-06-01'), ['totals'])).toEqual(pick(exported.usageDeltas[1]!, ['totals']));
  });

  it('when the snapshot documents are migrated before the delta documents, then the figures are the same', async () => {
    const deltaFiles = BASES.map((b) => `stats-community-records-delta-${b}-2025.ndjson`);
    const kept = deltaFiles.map((f) => [f, readFileSync(join(dir, f))] as const);
    for (const f of deltaFiles) rmSync(join(dir, f));
    await migrate();
    for (const [f, text] of kept) writeFileSync(join(dir, f), text);
    await migrate();
    await runAggregation(db, { today: BOTH });
    for (const doc of exported.recordDeltas.filter((d) => DOC_ONLY.includes(dayOf(d)))) {
      expect(pick(await servedOn('records-delta-created', dayOf(doc)), ['records', 'files', 'uploaders'])).toEqual(pick(doc, ['records', 'files', 'uploaders']));
    }
    const snapshot = exported.recordSnapshots.find((d) => dayOf(d) === '2025-06-02')!;
    expect(pick(await servedOn('records-snapshot-created', '2025-06-02'), ['total_records', 'total_uploaders'])).toEqual(pick(snapshot, ['total_records', 'total_uploaders']));
  });

  it('when a document lacks its date or has a figure that is not a number, then it is rejected with its line and path, and the others load', async () => {
    const bad = [{ ...exported.usageDeltas[0], period_start: 'soon' }, { ...exported.usageDeltas[1], totals: { view: { total_events: 'many' } } }];
    writeFileSync(join(dir, 'stats-community-usage-delta-2024.ndjson'), ndjson(bad));
    const report = await migrate();
    const row = report.indices.find((i) => i.index === 'stats-community-usage-delta-2024')!;
    expect([row.read, row.imported, row.rejected]).toEqual([2, 0, 2]);
    expect(row.examples.map((e) => `${e.line}: ${e.path}: ${e.message}`)).toEqual([
      '1: period_start: must be a date (YYYY-MM-DD…)',
      '2: totals.view.total_events: must be a number',
    ]);
  });
});
