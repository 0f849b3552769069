/**
 * A COUNTER report before it is written as JSON or as a table: the header facts and, per row, the
 * counts per metric and month. Built from the storage layer's monthly rows (pure), following the
 * zero-usage rules of section 3.3.9: months, metrics and rows without usage are left out.
 */
import type { MonthlyMetricRow } from '../../storage/counter';
import type { ItemMeta } from './metadata';
import type { Month } from './months';
import type { ReportRequest } from './request';
import { COUNTED_METRICS, type AccessType, type CountedMetric, type CounterException, type DataType } from './spec';

/** Counts per metric, each by month (`YYYY-MM`); only non-zero months are present. */
export type MetricCounts = Partial<Record<CountedMetric, Record<Month, number>>>;

export interface PlatformRow {
  dataType: DataType;
  counts: MetricCounts;
}

export interface ItemRow {
  recordId: string;
  dataType: DataType;
  accessType: AccessType;
  yop: string;
  meta: ItemMeta;
  counts: MetricCounts;
}

export interface ReportIdentity {
  /** Platform (the repository's name), its ID (the namespace of proprietary identifiers). */
  platform: string;
  platformId: string;
  institutionName: string;
  /** The Customer_ID the report was requested for. */
  customerId: string;
  createdBy: string;
  registryRecord: string;
  /** Landing page of a record, `{id}` replaced by its id; null to use the DOI link. */
  recordUrl: string | null;
}

export interface CounterReport {
  request: ReportRequest;
  identity: ReportIdentity;
  /** Reporting period as the header states it. */
  begin: Month;
  end: Month;
  created: string;
  exceptions: CounterException[];
  /** The metrics the report shows (requested ∩ those repostats counts), in Code of Practice order. */
  metrics: CountedMetric[];
  body: { kind: 'platform'; rows: PlatformRow[] } | { kind: 'item'; items: ItemRow[] };
}

const COLUMN: Record<CountedMetric, keyof Pick<MonthlyMetricRow, 'tii' | 'tir' | 'uii' | 'uir' | 'uti' | 'utr'>> = {
  Total_Item_Investigations: 'tii',
  Total_Item_Requests: 'tir',
  Unique_Item_Investigations: 'uii',
  Unique_Item_Requests: 'uir',
  Unique_Title_Investigations: 'uti',
  Unique_Title_Requests: 'utr',
};

/** The metrics a request asks for that repostats counts (Searches_Platform, Limit_Exceeded, No_License never occur). */
export function reportMetrics(request: ReportRequest): CountedMetric[] {
  const asked = request.metricTypes ?? request.report.metricTypes;
  return COUNTED_METRICS.filter((m) => asked.includes(m));
}

function addCounts(into: MetricCounts, row: MonthlyMetricRow, metrics: readonly CountedMetric[]): void {
  const month = row.month.slice(0, 7);
  for (const metric of metrics) {
    const n = row[COLUMN[metric]];
    if (n <= 0) continue;
    const byMonth = (into[metric] ??= {});
    byMonth[month] = (byMonth[month] ?? 0) + n;
  }
}

const hasUsage = (counts: MetricCounts) => Object.keys(counts).length > 0;

/** PR rows: one per Data_Type with usage, sorted by Data_Type. */
export function platformRows(rows: readonly MonthlyMetricRow[], metrics: readonly CountedMetric[]): PlatformRow[] {
  const byType = new Map<string, PlatformRow>();
  for (const row of rows) {
    const entry = byType.get(row.data_type) ?? { dataType: row.data_type as DataType, counts: {} };
    addCounts(entry.counts, row, metrics);
    byType.set(row.data_type, entry);
  }
  return [...byType.values()].filter((r) => hasUsage(r.counts)).sort((a, b) => a.dataType.localeCompare(b.dataType));
}

/** IR rows: one per record with usage, in the order the storage layer returned them (by record id). */
export function itemRows(
  rows: readonly MonthlyMetricRow[],
  metrics: readonly CountedMetric[],
  metaOf: (recordId: string, dataType: DataType) => ItemMeta,
): ItemRow[] {
  const byRecord = new Map<string, ItemRow>();
  for (const row of rows) {
    const id = row.record_id as string;
    let entry = byRecord.get(id);
    if (!entry) {
      const dataType = row.data_type as DataType;
      entry = { recordId: id, dataType, accessType: row.access_type as AccessType, yop: row.yop ?? '0001', meta: metaOf(id, dataType), counts: {} };
      byRecord.set(id, entry);
    }
    addCounts(entry.counts, row, metrics);
  }
  return [...byRecord.values()].filter((r) => hasUsage(r.counts));
}

/** A row's total over the reporting period (the tabular Reporting_Period_Total). */
export function periodTotal(byMonth: Record<Month, number> | undefined): number {
  return Object.values(byMonth ?? {}).reduce((a, b) => a + b, 0);
}
