/**
 * Imported history through the query API (issue 17): the reference's daily documents, migrated and
 * aggregated (server/migrate/historyFixture.ts), are what the dashboard shows for the days the raw
 * inputs leave empty; the raw inputs' figures elsewhere; a period spanning both adds the two.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryRequestInput } from '../../src/api/query';
import type { AggregationKind } from '../../src/core/kinds';
import { USAGE_METRIC_IDS, type MetricId } from '../../src/core/metrics';
import { runAggregation } from '../domain/aggregate/run';
import { getDailyDocs } from '../domain/docs/get';
import { startTestServer, type TestServer } from '../http/testing';
import { BASES, BOTH, C, DOC_ONLY, writeExport, type Json } from '../migrate/historyFixture';
import { runMigration } from '../migrate/migrate';
import type { SqlEngine } from '../storage/port';
import { ask } from './testing';

const DAYS = [...DOC_ONLY, BOTH];
const ALL: [string, string] = [DOC_ONLY[0]!, BOTH];
const HISTORY: [string, string] = [DOC_ONLY[0]!, DOC_ONLY[DOC_ONLY.length - 1]!];
const dayOf = (doc: Json) => String(doc['period_start'] ?? doc['snapshot_date']).slice(0, 10);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const RECORD_DELTA: MetricId[] = ['records', 'records_with_files', 'records_metadata_only', 'parents', 'files', 'data_volume', 'uploaders'];
const RECORD_TOTALS: MetricId[] = ['records', 'records_with_files', 'parents', 'files', 'data_volume', 'uploaders'];

/** A record delta document (or an item of its subcounts) as the query API's record metrics. */
const recordDelta = (d: Json): Record<string, number> => ({
  records: d['records'].added.metadata_only + d['records'].added.with_files,
  records_with_files: d['records'].added.with_files,
  records_metadata_only: d['records'].added.metadata_only,
  parents: d['parents'].added.metadata_only + d['parents'].added.with_files,
  files: d['files'].added.file_count,
  data_volume: Math.round(d['files'].added.data_volume),
  uploaders: d['uploaders'] ?? 0,
});
/** A record snapshot document as cumulative record metrics. */
const recordSnapshot = (d: Json): Record<string, number> => ({
  records: d['total_records'].metadata_only + d['total_records'].with_files,
  records_with_files: d['total_records'].with_files,
  parents: d['total_parents'].metadata_only + d['total_parents'].with_files,
  files: d['total_files'].file_count,
  data_volume: Math.round(d['total_files'].data_volume),
  uploaders: d['total_uploaders'],
});
/** A usage delta document's totals (or one of its subcount items) as usage metrics. */
const usage = (d: Json): Record<string, number> => {
  const v = d['view'] ?? {};
  const w = d['download'] ?? {};
  return {
    views: v.total_events ?? 0, views_unique_visitors: v.unique_visitors ?? 0, views_unique_records: v.unique_records ?? 0,
    views_unique_parents: v.unique_parents ?? 0, downloads: w.total_events ?? 0, downloads_unique_visitors: w.unique_visitors ?? 0,
    downloads_unique_records: w.unique_records ?? 0, downloads_unique_parents: w.unique_parents ?? 0,
    downloads_unique_files: w.unique_files ?? 0, download_volume: Math.round(w.total_volume ?? 0),
  };
};
const ZERO_USAGE = usage({});
const pick = (figures: Record<string, number>, metrics: readonly MetricId[]) => metrics.map((m) => figures[m] ?? 0);
const addUp = (list: Record<string, number>[]): Record<string, number> =>
  Object.fromEntries(Object.keys(list[0] ?? {}).map((k) => [k, sum(list.map((x) => x[k] ?? 0))]));

let db: SqlEngine;
let exported: ReturnType<typeof writeExport>;
let dir: string;
let server: TestServer;
const migrateAndAggregate = async (on: SqlEngine) => {
  await runMigration(on, { dir, salt: 's', now: new Date(`${BOTH}T12:00:00Z`) });
  await runAggregation(on, { today: BOTH });
};
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'repostats-query-history-'));
  exported = writeExport(dir);
  server = await startTestServer();
  db = server.db;
  await migrateAndAggregate(db);
});
afterAll(async () => server?.stop());

const served = async (kind: AggregationKind, day: string) =>
  (await getDailyDocs(db, { kind, community: C, start: day, end: day }))[0] as unknown as Json;
const byDay = async (input: Omit<QueryRequestInput, 'community' | 'dimensions'>) =>
  Object.fromEntries((await ask(db, { community: C, dimensions: ['time:day'], ...input })).results.map((r) => [r.dimensions[0], r.metrics]));
const usageDoc = (day: string) => exported.usageDeltas.find((d) => dayOf(d) === day);

describe('the query API on imported history', () => {
  it('when record deltas are asked by day, then document-only days give the documents\u2019 figures and the raw day the raw record', async () => {
    for (const basis of BASES) {
      const answer = await byDay({ metrics: RECORD_DELTA, mode: 'delta', basis, date_range: ALL });
      // The raw record was published in 2008: on the published basis 06-03 is the documents' too.
      const rawDays = basis === 'published' ? [] : [BOTH];
      for (const day of DAYS) {
        const doc = rawDays.includes(day) ? await served(`records-delta-${basis}`, day) : exported.recordDeltas.find((d) => dayOf(d) === day)!;
        expect(answer[day], `${basis} ${day}`).toEqual(pick(recordDelta(doc), RECORD_DELTA));
      }
      if (rawDays.length) expect(answer[BOTH]![0]).toBe(1);
    }
  });

  it('when record totals are asked by day, then document-only days give the snapshot documents\u2019 totals and the raw day adds the raw record', async () => {
    const answer = await byDay({ metrics: RECORD_TOTALS, mode: 'cumulative', date_range: ALL });
    for (const day of DOC_ONLY) {
      expect(answer[day], day).toEqual(pick(recordSnapshot(exported.recordSnapshots.find((d) => dayOf(d) === day)!), RECORD_TOTALS));
    }
    const before = recordSnapshot(exported.recordSnapshots.find((d) => dayOf(d) === DOC_ONLY[DOC_ONLY.length - 1])!);
    expect(answer[BOTH]).toEqual(pick(recordSnapshot(await served('records-snapshot-added', BOTH)), RECORD_TOTALS));
    expect(answer[BOTH]![0]).toBe(before['records']! + 1);
  });

  it('when usage is asked by day, then every usage metric is the documents\u2019 on document-only days and the raw events\u2019 on the raw day', async () => {
    const answer = await byDay({ metrics: USAGE_METRIC_IDS, date_range: ALL });
    for (const day of DOC_ONLY) {
      const doc = usageDoc(day);
      expect(answer[day], day).toEqual(pick(doc ? usage(doc['totals']) : ZERO_USAGE, USAGE_METRIC_IDS));
    }
    expect(answer[BOTH]).toEqual(pick({ ...ZERO_USAGE, views: 1, views_unique_visitors: 1, views_unique_records: 1, views_unique_parents: 1 }, USAGE_METRIC_IDS));
    expect(DOC_ONLY.some((day) => (answer[day]?.[USAGE_METRIC_IDS.indexOf('views_unique_records')] ?? 0) > 0)).toBe(true);
  });

  it('when asked by a field, then document-only days give the documents\u2019 subcount items', async () => {
    const countries = await ask(db, { community: C, metrics: USAGE_METRIC_IDS, dimensions: ['field:countries'], date_range: HISTORY });
    const docs = exported.usageDeltas.filter((d) => DOC_ONLY.includes(dayOf(d)));
    const expected = (field: string) => {
      const ids = [...new Set(docs.flatMap((d) => (d['subcounts'][field] as Json[]).map((i) => String(i['id']))))];
      return Object.fromEntries(ids.map((id) => [id, pick(addUp(docs.map((d) => usage((d['subcounts'][field] as Json[]).find((i) => i['id'] === id) ?? {}))), USAGE_METRIC_IDS)]));
    };
    expect(Object.keys(expected('countries')).length).toBeGreaterThan(0);
    expect(Object.fromEntries(countries.results.map((r) => [r.dimensions[0], r.metrics]))).toEqual(expected('countries'));
    const types = await ask(db, { community: C, metrics: ['records', 'files', 'data_volume'], dimensions: ['field:resource_types'], date_range: HISTORY });
    const recordItems = new Map<string, number[]>();
    for (const doc of exported.recordDeltas.filter((d) => DOC_ONLY.includes(dayOf(d)))) {
      for (const item of doc['subcounts']['resource_types'] as Json[]) {
        const figures = pick(recordDelta({ ...item, uploaders: 0 }), ['records', 'files', 'data_volume']);
        const known = recordItems.get(String(item['id'])) ?? [0, 0, 0];
        recordItems.set(String(item['id']), known.map((v, i) => v + figures[i]!));
      }
    }
    expect(recordItems.size).toBeGreaterThan(1);
    expect(Object.fromEntries(types.results.map((r) => [r.dimensions[0], r.metrics]))).toEqual(Object.fromEntries(recordItems));
  });

  it('when one field\u2019s item is the filter, then document-only days give that item\u2019s figures', async () => {
    const us = await ask(db, { community: C, metrics: USAGE_METRIC_IDS, filters: [['is', 'field:countries', ['US']]], date_range: HISTORY });
    const items = exported.usageDeltas.filter((d) => DOC_ONLY.includes(dayOf(d))).map((d) => usage((d['subcounts']['countries'] as Json[]).find((i) => i['id'] === 'US') ?? {}));
    expect(us.results[0]!.metrics).toEqual(pick(addUp(items), USAGE_METRIC_IDS));
    expect(us.results[0]!.metrics[0]).toBeGreaterThan(0);
    const article = await ask(db, { community: C, metrics: ['records'], filters: [['is', 'field:resource_types', ['textDocument-journalArticle']]], date_range: HISTORY });
    expect(article.results[0]!.metrics).toEqual([1]);
    expect(article.meta.notes.filter((n) => n.includes('imported daily documents'))).toEqual([]);
    // Several items of a field a record may hold several of: their rows add up, and a note says what that counts.
    const two = await ask(db, { community: C, metrics: ['records', 'uploaders'], filters: [['is', 'field:resource_types', ['textDocument-journalArticle', 'textDocument-bookSection']]], date_range: HISTORY });
    expect(two.results[0]!.metrics).toEqual([2, 0]);
    expect(two.meta.notes.some((n) => n.includes('counts once for each'))).toBe(true);
    expect(two.meta.notes.some((n) => n.includes('uploaders by item or under a filter are 0'))).toBe(true);
  });

  it('when a period spans history and raw days, then it adds the two, and the notes say which figures are sums of daily ones', async () => {
    const metrics: MetricId[] = ['records', 'uploaders', 'views', 'views_unique_records'];
    const answer = await ask(db, { community: C, metrics, date_range: ALL, include: { totals: true } });
    const raw = (await ask(db, { community: C, metrics, date_range: [BOTH, BOTH] })).results[0]!.metrics;
    expect(raw).toEqual([1, 0, 1, 1]); // the raw record has no owner
    const docs = addUp(exported.recordDeltas.filter((d) => DOC_ONLY.includes(dayOf(d))).map(recordDelta));
    const views = addUp(exported.usageDeltas.filter((d) => DOC_ONLY.includes(dayOf(d))).map((d) => usage(d['totals'])));
    const expected = [docs['records']! + raw[0]!, docs['uploaders']! + raw[1]!, views['views']! + raw[2]!, views['views_unique_records']! + raw[3]!];
    expect(answer.results[0]!.metrics).toEqual(expected);
    expect(answer.totals!.metrics).toEqual(expected);
    const [records, usageNote] = ['uploaders', 'views_unique_records'].map((m) => answer.meta.notes.find((n) => n.includes('imported daily documents') && n.includes(m)));
    expect(records).toContain(`${DOC_ONLY[0]} to ${DOC_ONLY[DOC_ONLY.length - 1]}`);
    // Usage documents exist for 05-31 and 06-01 only.
    expect(usageNote).toContain('2025-05-31 to 2025-06-01');
    // Months holding both: the same sums, per month.
    const month = await ask(db, { community: C, metrics: ['records', 'views'], dimensions: ['time:month'], date_range: ALL });
    const inMonth = (m: string) => DOC_ONLY.filter((d) => d.startsWith(m));
    const monthFigures = (m: string, raw: number) => [
      sum(inMonth(m).map((d) => recordDelta(exported.recordDeltas.find((x) => dayOf(x) === d)!)['records']!)) + raw,
      sum(inMonth(m).map((d) => { const doc = usageDoc(d); return doc ? usage(doc['totals'])['views']! : 0; })) + raw,
    ];
    expect(month.results).toEqual([{ dimensions: ['2025-05-01'], metrics: monthFigures('2025-05', 0) }, { dimensions: ['2025-06-01'], metrics: monthFigures('2025-06', 1) }]);
  });

  it('when a filter the documents cannot answer is asked, then a note says the history days are left out instead of a silent 0', async () => {
    const answer = await ask(db, { community: C, metrics: ['views'], filters: [['is_not', 'field:countries', ['US']]], date_range: HISTORY });
    expect(answer.meta.notes.some((n) => n.includes('left out') && n.includes('is_not'))).toBe(true);
  });

  it('when the dashboard asks over HTTP, then /api/v1/query answers the snapshot documents\u2019 totals', async () => {
    const res = await fetch(`${server.url}/api/v1/query`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ community: C, metrics: ['records', 'data_volume'], mode: 'cumulative', dimensions: ['time:day'], date_range: HISTORY }),
    });
    expect(res.status).toBe(200);
    const body = await res.json() as { results: { dimensions: string[]; metrics: number[] }[] };
    expect(body.results).toEqual(DOC_ONLY.map((day) => ({
      dimensions: [day], metrics: pick(recordSnapshot(exported.recordSnapshots.find((d) => dayOf(d) === day)!), ['records', 'data_volume']),
    })));
  });

  it('when the export is migrated and aggregated again, then every answer is the same', async () => {
    const queries: QueryRequestInput[] = [
      { community: C, metrics: RECORD_DELTA, dimensions: ['time:day'], date_range: ALL },
      { community: C, metrics: USAGE_METRIC_IDS, mode: 'cumulative', dimensions: ['time:day'], date_range: ALL },
    ];
    const before = await Promise.all(queries.map((q) => ask(db, q)));
    await migrateAndAggregate(db);
    expect(await Promise.all(queries.map((q) => ask(db, q)))).toEqual(before);
  });
});
