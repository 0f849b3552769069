/**
 * Series bundles for tests, Storybook and the dev server: `bundleFrom` builds one from explicit
 * daily values; `mockBundle` synthesises a plausible, deterministic year for any community,
 * category and basis (same inputs → same numbers), shaped exactly like the server's.
 */
import type { SeriesBundle, SubcountSeries } from '../api/schemas';
import { addDays } from '../core/dates';
import type { FieldId } from '../core/fields';
import { METRIC_IDS, METRICS, type Basis, type Category, type MetricId } from '../core/metrics';
import { categoryParts } from '../core/kinds';

export interface BundleFromOptions {
  year: number;
  /** First day held (defaults to Jan 1 of `year`). */
  start?: string;
  /** How many consecutive days the bundle holds. */
  days: number;
  category?: Category;
  community?: string;
  basis?: Basis | null;
  totals?: Partial<Record<MetricId, (dayIndex: number, date: string) => number>>;
  subcounts?: Partial<
    Record<
      FieldId,
      {
        items: { id: string; labels?: Record<string, string> }[];
        series: Partial<Record<MetricId, (itemIndex: number, dayIndex: number) => number>>;
        other?: Partial<Record<MetricId, (dayIndex: number) => number>>;
        otherItems?: number;
      }
    >
  >;
}

export function bundleFrom(options: BundleFromOptions): SeriesBundle {
  const start = options.start ?? `${options.year}-01-01`;
  const dates = Array.from({ length: options.days }, (_, i) => addDays(start, i));
  const category = options.category ?? 'record-delta';
  const totals: SeriesBundle['totals'] = {};
  for (const [metric, fn] of Object.entries(options.totals ?? {}) as [MetricId, (i: number, d: string) => number][]) {
    totals[metric] = dates.map((d, i) => fn(i, d));
  }
  const subcounts: SeriesBundle['subcounts'] = {};
  for (const [field, spec] of Object.entries(options.subcounts ?? {}) as [FieldId, NonNullable<BundleFromOptions['subcounts']>[FieldId]][]) {
    if (!spec) continue;
    const sub: SubcountSeries = {
      items: spec.items.map((item) => ({ id: item.id, labels: item.labels ?? { en: item.id } })),
      series: {},
      other: {},
      otherItems: spec.otherItems ?? 0,
    };
    for (const [metric, fn] of Object.entries(spec.series) as [MetricId, (k: number, i: number) => number][]) {
      sub.series[metric] = spec.items.map((_, k) => dates.map((__, i) => fn(k, i)));
    }
    for (const [metric, fn] of Object.entries(spec.other ?? {}) as [MetricId, (i: number) => number][]) {
      sub.other[metric] = dates.map((_, i) => fn(i));
    }
    subcounts[field] = sub;
  }
  return {
    schemaVersion: 1,
    community: options.community ?? 'global',
    category,
    basis: categoryParts(category).family === 'records' ? (options.basis ?? 'added') : null,
    year: options.year,
    dates,
    dataAsOf: dates[dates.length - 1] ?? null,
    totals,
    subcounts,
  };
}

/** Items the synthetic bundles break down by, per field (ids as the server would store them). */
const MOCK_ITEMS: Record<FieldId, { id: string; en: string; fr?: string }[]> = {
  resource_types: [
    { id: 'dataset', en: 'Dataset', fr: 'Jeu de données' },
    { id: 'publication-article', en: 'Journal article', fr: 'Article de revue' },
    { id: 'software', en: 'Software', fr: 'Logiciel' },
    { id: 'image', en: 'Image' },
  ],
  access_statuses: [
    { id: 'open', en: 'Open', fr: 'Ouvert' },
    { id: 'restricted', en: 'Restricted', fr: 'Restreint' },
    { id: 'metadata-only', en: 'Metadata-only' },
    { id: 'embargoed', en: 'Embargoed' },
  ],
  languages: [{ id: 'eng', en: 'English' }, { id: 'fra', en: 'French' }, { id: 'deu', en: 'German' }, { id: 'spa', en: 'Spanish' }],
  subjects: [{ id: 'physics', en: 'Physics' }, { id: 'biology', en: 'Biology' }, { id: 'history', en: 'History' }],
  rights: [{ id: 'cc-by-4.0', en: 'CC BY 4.0' }, { id: 'cc0-1.0', en: 'CC0 1.0' }, { id: 'mit', en: 'MIT' }],
  funders: [{ id: '00k4n6c32', en: 'European Commission' }, { id: '021nxhr62', en: 'NSF' }],
  affiliations: [{ id: '01ggx4157', en: 'CERN' }, { id: '03yrm5c26', en: 'McGill University' }],
  publishers: [{ id: 'zenodo', en: 'Zenodo' }, { id: 'knowledge-commons', en: 'Knowledge Commons' }],
  periodicals: [{ id: 'nature', en: 'Nature' }, { id: 'plos-one', en: 'PLOS ONE' }],
  file_types: [{ id: 'pdf', en: 'PDF' }, { id: 'csv', en: 'CSV' }, { id: 'zip', en: 'ZIP' }, { id: 'png', en: 'PNG' }],
  countries: ['US', 'FR', 'DE', 'GB', 'IN', 'BR', 'JP', 'CA'].map((id) => ({ id, en: id })),
  referrers: [{ id: 'google.com', en: 'google.com' }, { id: 'scholar.google.com', en: 'scholar.google.com' }],
};

/** Synthetic data starts here; earlier years come back empty, as on a young repository. */
export const MOCK_FIRST_DAY = '2020-01-01';

function seeded(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) / 4294967296;
}

/** Each metric's typical daily delta; a metric not named here gets its unit's (`UNIT_BASE`). */
const BASE: Partial<Record<MetricId, number>> = {
  records: 12, records_metadata_only: 3, records_with_files: 9, parents: 10, parents_metadata_only: 3, parents_with_files: 7,
  files: 30, data_volume: 4.2e8, uploaders: 2, views: 400, views_unique_visitors: 260, views_unique_records: 90,
  views_unique_parents: 80, downloads: 120, downloads_unique_visitors: 70, downloads_unique_records: 40,
  downloads_unique_parents: 35, downloads_unique_files: 45, download_volume: 2.1e9,
};

const UNIT_BASE = { count: 20, bytes: 1e9 } as const;

/** One day's synthetic delta for a metric: weekly rhythm, slow growth, per-community scale. */
function dailyDelta(metric: MetricId, dayIndex: number, scale: number): number {
  const weekly = 1 + 0.4 * Math.sin((dayIndex / 7) * 2 * Math.PI);
  const growth = 1 + dayIndex / 1500;
  return Math.round((BASE[metric] ?? UNIT_BASE[METRICS[metric].unit]) * scale * weekly * growth);
}

export interface MockBundleOptions {
  community: string;
  category: Category;
  year: number;
  basis?: Basis | null;
  /** The last aggregated day (defaults to UTC today). */
  today?: string;
}

/** A deterministic synthetic bundle; cumulative categories are the running sums of the deltas. */
export function mockBundle({ community, category, year, basis = 'added', today = new Date().toISOString().slice(0, 10) }: MockBundleOptions): SeriesBundle {
  const { family, mode } = categoryParts(category);
  const metrics = METRIC_IDS.filter((m) => METRICS[m].family === family);
  const scale = (community === 'global' ? 5 : 0.5 + seeded(community)) * (basis === 'added' || family === 'usage' ? 1 : 0.9);
  const first = `${year}-01-01` < MOCK_FIRST_DAY ? MOCK_FIRST_DAY : `${year}-01-01`;
  const last = `${year}-12-31` < today ? `${year}-12-31` : today;
  const offset = Math.round((Date.parse(first) - Date.parse(MOCK_FIRST_DAY)) / 86_400_000);
  const days = first > last ? 0 : Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000) + 1;
  const cumulative = mode === 'snapshot';
  const series = (metric: MetricId, share = 1) => {
    let running = 0;
    for (let d = 0; cumulative && d < offset; d++) running += Math.round(dailyDelta(metric, d, scale) * share);
    return Array.from({ length: days }, (_, i) => {
      const v = Math.round(dailyDelta(metric, offset + i, scale) * share);
      running += v;
      return cumulative ? running : v;
    });
  };
  const fields = (Object.keys(MOCK_ITEMS) as FieldId[]).filter((f) => family === 'usage' || (f !== 'countries' && f !== 'referrers'));
  const spec: BundleFromOptions = { year, start: first, days, category, community, basis, totals: {}, subcounts: {} };
  const totals: Partial<Record<MetricId, number[]>> = Object.fromEntries(metrics.map((m) => [m, series(m)]));
  for (const m of metrics) spec.totals![m] = (i) => totals[m]?.[i] ?? 0;
  for (const field of fields) {
    const items = MOCK_ITEMS[field];
    const weights = items.map((_, k) => 1 / (k + 1.6));
    const sum = weights.reduce((a, b) => a + b, 0) * 1.15; // ~13% falls into "other"
    const subMetrics = metrics.filter((m) => METRICS[m].subcount);
    const perItem = Object.fromEntries(subMetrics.map((m) => [m, weights.map((w) => series(m, w / sum))]));
    spec.subcounts![field] = {
      items: items.map((item): { id: string; labels: Record<string, string> } => ({
        id: item.id,
        labels: item.fr ? { en: item.en, fr: item.fr } : { en: item.en },
      })),
      series: Object.fromEntries(subMetrics.map((m) => [m, (k: number, i: number) => perItem[m]?.[k]?.[i] ?? 0])),
      other: Object.fromEntries(
        subMetrics.map((m) => [m, (i: number) => Math.max(0, (totals[m]?.[i] ?? 0) - (perItem[m] ?? []).reduce((a, s) => a + (s[i] ?? 0), 0))]),
      ),
      otherItems: 3,
    };
  }
  const bundle = bundleFrom(spec);
  return { ...bundle, basis: family === 'records' ? basis : null, dataAsOf: days > 0 ? bundle.dataAsOf : null };
}
