/**
 * The reference frontend's data-series sets (`POST /api/stats-dashboard`'s `*-category` queries),
 * built from the daily documents of one community, kind and range. Pure: the same documents always
 * give the same set.
 *
 * A set is `{subcount: {metric: [series…]}}`: `global` (the totals, one series), `file_presence`
 * (metadata-only vs with files), and one entry per subcount field, one series per item. A usage
 * snapshot's top-N fields come as `{field}_by_view` and `{field}_by_download`, as its documents rank
 * them. A series is `{id, name, type, valueType, year, data: [["MM-DD", value]…]}` when its points
 * fall in one year, else `{…, data: [["YYYY-MM-DD", value]…]}` without `year`, as the reference's.
 */
import { FIELDS, FIELD_IDS, RECORD_FIELD_IDS, USAGE_FIELD_IDS, type FieldId } from '../../../src/core/fields';

export const DASHBOARD_CATEGORIES = ['record-delta', 'record-snapshot', 'usage-delta', 'usage-snapshot'] as const;
export type DashboardCategory = (typeof DASHBOARD_CATEGORIES)[number];

export interface DataSeries {
  id: string;
  name: string | Record<string, string>;
  type: 'bar' | 'line';
  valueType: 'number' | 'filesize';
  year?: number;
  data: [date: string, value: number][];
}
export type DataSeriesSet = Record<string, Record<string, DataSeries[]>>;

type Json = Record<string, unknown>;
type Metric = (fragment: Json) => number;

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const at = (v: unknown, ...path: string[]): unknown => path.reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Json)[k] : undefined), v);
const both = (v: unknown) => num(at(v, 'metadata_only')) + num(at(v, 'with_files'));
/** A delta figure: what was added less what was removed. */
const net = (f: Json, key: string, part?: string) =>
  part ? num(at(f, key, 'added', part)) - num(at(f, key, 'removed', part)) : both(at(f, key, 'added')) - both(at(f, key, 'removed'));

const RECORD_DELTA: Record<string, Metric> = {
  records: (f) => net(f, 'records'),
  parents: (f) => net(f, 'parents'),
  file_count: (f) => net(f, 'files', 'file_count'),
  data_volume: (f) => net(f, 'files', 'data_volume'),
};
const RECORD_SNAPSHOT: Record<string, Metric> = {
  records: (f) => both(f['records']),
  parents: (f) => both(f['parents']),
  file_count: (f) => num(at(f, 'files', 'file_count')),
  data_volume: (f) => num(at(f, 'files', 'data_volume')),
};
const USAGE: Record<string, Metric> = {
  views: (f) => num(at(f, 'view', 'total_events')),
  view_visitors: (f) => num(at(f, 'view', 'unique_visitors')),
  view_unique_records: (f) => num(at(f, 'view', 'unique_records')),
  view_unique_parents: (f) => num(at(f, 'view', 'unique_parents')),
  downloads: (f) => num(at(f, 'download', 'total_events')),
  download_visitors: (f) => num(at(f, 'download', 'unique_visitors')),
  download_unique_records: (f) => num(at(f, 'download', 'unique_records')),
  download_unique_parents: (f) => num(at(f, 'download', 'unique_parents')),
  download_unique_files: (f) => num(at(f, 'download', 'unique_files')),
  data_volume: (f) => num(at(f, 'download', 'total_volume')),
};

/** Per category: the metrics of its items, its global metrics, and how a document reads as a totals fragment. */
const CATEGORY: Record<DashboardCategory, { items: Record<string, Metric>; global: Record<string, Metric>; totals: (doc: Json) => Json }> = {
  'record-delta': { items: RECORD_DELTA, global: { ...RECORD_DELTA, uploaders: (d) => num(d['uploaders']) }, totals: (doc) => doc },
  'record-snapshot': {
    items: RECORD_SNAPSHOT,
    global: { ...RECORD_SNAPSHOT, uploaders: (d) => num(d['total_uploaders']) },
    totals: (doc) => ({ records: doc['total_records'], parents: doc['total_parents'], files: doc['total_files'], total_uploaders: doc['total_uploaders'] }),
  },
  'usage-delta': { items: USAGE, global: USAGE, totals: (doc) => (doc['totals'] as Json | undefined) ?? {} },
  'usage-snapshot': { items: USAGE, global: USAGE, totals: (doc) => (doc['totals'] as Json | undefined) ?? {} },
};

const PRESENCE = { metadata_only: 'Metadata Only', with_files: 'With Files' } as const;
type Presence = keyof typeof PRESENCE;
/** `file_presence`: per day, metadata-only vs with-files records (delta: one series per kind of record; snapshot: one series per metric). */
const FILE_PRESENCE: Record<'record-delta' | 'record-snapshot', Record<string, (f: Json, p: Presence) => number>> = {
  'record-delta': {
    metadata_only: (f) => net(f, 'records', 'metadata_only'),
    with_files: (f) => net(f, 'records', 'with_files'),
  },
  'record-snapshot': {
    records: (f, p) => num(at(f, 'records', p)),
    parents: (f, p) => num(at(f, 'parents', p)),
    file_count: (f, p) => (p === 'with_files' ? num(at(f, 'files', 'file_count')) : 0),
    data_volume: (f, p) => (p === 'with_files' ? num(at(f, 'files', 'data_volume')) : 0),
  },
};

const valueType = (metric: string): DataSeries['valueType'] => (metric === 'data_volume' ? 'filesize' : 'number');

/** The subcount keys of a category's set, and where each reads its items in a document. */
function subcountKeys(category: DashboardCategory): [key: string, items: (doc: Json) => unknown][] {
  const sub = (doc: Json, field: string) => at(doc, 'subcounts', field);
  if (category === 'usage-snapshot') {
    return USAGE_FIELD_IDS.flatMap((f): [string, (doc: Json) => unknown][] =>
      FIELDS[f].keep === 'all' ? [[f, (d) => sub(d, f)]] : [[`${f}_by_view`, (d) => at(sub(d, f), 'by_view')], [`${f}_by_download`, (d) => at(sub(d, f), 'by_download')]]);
  }
  // Record sets carry every field (usage-only ones empty), as the reference's do.
  const fields: readonly FieldId[] = category === 'usage-delta' ? USAGE_FIELD_IDS : [...RECORD_FIELD_IDS, ...FIELD_IDS.filter((f) => !RECORD_FIELD_IDS.includes(f))];
  return fields.map((f) => [f, (d) => sub(d, f)]);
}

/** Accumulates the points of the series of one subcount × metric, in order of first appearance. */
class SeriesList {
  private readonly byId = new Map<string, { id: string; name: DataSeries['name']; points: [string, number][] }>();
  constructor(private readonly type: DataSeries['type'], private readonly metric: string) {}
  add(id: string, name: DataSeries['name'], day: string, value: number): void {
    let s = this.byId.get(id);
    if (!s) this.byId.set(id, (s = { id, name, points: [] }));
    s.points.push([day, value]);
  }
  list(): DataSeries[] {
    return [...this.byId.values()].map((s) => {
      const years = new Set(s.points.map(([d]) => d.slice(0, 4)));
      const [year] = years;
      const base = { id: s.id, name: s.name, type: this.type, valueType: valueType(this.metric) };
      return years.size === 1 && year
        ? { ...base, year: Number(year), data: s.points.map(([d, v]): [string, number] => [d.slice(5), v]) }
        : { ...base, data: s.points };
    });
  }
}

/**
 * @param docs the daily documents of the category's kind (`records-delta-{basis}`, …), oldest first
 */
export function buildDataSeriesSet(category: DashboardCategory, docs: readonly unknown[]): DataSeriesSet {
  const spec = CATEGORY[category];
  const lists = new Map<string, Map<string, SeriesList>>();
  const list = (key: string, metric: string, type: DataSeries['type']) => {
    let byMetric = lists.get(key);
    if (!byMetric) lists.set(key, (byMetric = new Map()));
    let l = byMetric.get(metric);
    if (!l) byMetric.set(metric, (l = new SeriesList(type, metric)));
    return l;
  };
  // Every key and metric is present even when no document fills it.
  for (const metric of Object.keys(spec.global)) list('global', metric, 'bar');
  if (category === 'record-delta' || category === 'record-snapshot') {
    for (const metric of Object.keys(FILE_PRESENCE[category])) list('file_presence', metric, category === 'record-delta' ? 'bar' : 'line');
  }
  const keys = subcountKeys(category);
  for (const [key] of keys) for (const metric of Object.keys(spec.items)) list(key, metric, 'line');

  for (const raw of docs) {
    const doc = raw as Json;
    const day = String(doc['period_start'] ?? doc['snapshot_date'] ?? '').slice(0, 10);
    const totals = spec.totals(doc);
    for (const [metric, read] of Object.entries(spec.global)) list('global', metric, 'bar').add('global', 'Global', day, read(totals));
    if (category === 'record-delta') {
      for (const [metric, read] of Object.entries(FILE_PRESENCE[category])) list('file_presence', metric, 'bar').add('global', 'Global', day, read(totals, 'metadata_only'));
    } else if (category === 'record-snapshot') {
      for (const [metric, read] of Object.entries(FILE_PRESENCE[category])) {
        for (const [p, name] of Object.entries(PRESENCE) as [Presence, string][]) list('file_presence', metric, 'line').add(p, name, day, read(totals, p));
      }
    }
    for (const [key, itemsOf] of keys) {
      const items = itemsOf(doc);
      if (!Array.isArray(items)) continue;
      for (const item of items as Json[]) {
        const id = String(item['id'] ?? '');
        const name = (item['label'] ?? '') as DataSeries['name'];
        for (const [metric, read] of Object.entries(spec.items)) list(key, metric, 'line').add(id, name, day, read(item));
      }
    }
  }
  return Object.fromEntries([...lists.entries()].map(([key, byMetric]) => [key, Object.fromEntries([...byMetric.entries()].map(([m, l]) => [m, l.list()]))]));
}
