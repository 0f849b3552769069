/**
 * A `CounterReport` in the tabular layout of section 3.2 of the Code of Practice: the 13 header
 * rows (labels in column A, values in column B, in the order of Table 3.f), a blank 14th row, then
 * the body with its column headings (Tables 4.b and 4.p, in their order) and one row per item ×
 * metric. TSV and XLSX writers share these rows. Pure.
 */
import type { CounterReport, ItemRow } from './model';
import { periodTotal } from './model';
import { firstDay, lastDay, monthHeading, monthsBetween } from './months';
import { institutionId, recordUri } from './json';
import type { CountedMetric } from './spec';

export type Cell = string | number;

interface RowContext {
  item?: ItemRow;
  dataType: string;
  metric: CountedMetric;
}
interface Column {
  name: string;
  value: (ctx: RowContext) => Cell;
}

const list = (values: readonly string[] | null | undefined) => (values ? values.join('|') : null);

function headerRows(report: CounterReport): [string, string][] {
  const r = report.request;
  const preset = r.report.preset;
  const filters: string[] = [];
  const add = (name: string, value: string | null) => value !== null && filters.push(`${name}=${value}`);
  add('Platform', r.platform);
  add('Data_Type', list(preset ? (preset.dataTypes ?? null) : r.dataTypes));
  add('Access_Type', list(r.accessTypes));
  add('YOP', list(r.yopText));
  add('Item_ID', r.itemId);
  add('Access_Method', list(preset ? preset.accessMethods : r.accessMethods));
  const attributes: string[] = [];
  if (r.attributesToShow.length) attributes.push(`Attributes_To_Show=${r.attributesToShow.join('|')}`);
  if (r.includeParentDetails) attributes.push('Include_Parent_Details=True');
  if (r.granularity === 'Totals') attributes.push('Exclude_Monthly_Details=True');
  return [
    ['Report_Name', r.report.name],
    ['Report_ID', r.report.id],
    ['Release', '5.1'],
    ['Institution_Name', report.identity.institutionName],
    ['Institution_ID', institutionId(report.identity.platformId, report.identity.customerId)],
    ['Metric_Types', (preset?.metricTypes ?? r.metricTypes ?? []).join('; ')],
    ['Report_Filters', filters.join('; ')],
    ['Report_Attributes', attributes.join('; ')],
    ['Exceptions', report.exceptions.map((e) => `${e.Code}: ${e.Message}${e.Data ? ` (${e.Data})` : ''}`).join('; ')],
    ['Reporting_Period', `Begin_Date=${firstDay(report.begin)}; End_Date=${lastDay(report.end)}`],
    ['Created', report.created],
    ['Created_By', report.identity.createdBy],
    ['Registry_Record', report.identity.registryRecord],
  ];
}

const col = (name: string, value: (ctx: RowContext) => Cell): Column => ({ name, value });
const blank = (name: string) => col(name, () => '');

function itemColumns(report: CounterReport): Column[] {
  const id = report.request.report.id;
  const shown = (a: string) => id === 'IR_A1' || (id === 'IR' && report.request.attributesToShow.includes(a));
  const parents = id === 'IR_A1' || (id === 'IR' && report.request.includeParentDetails);
  const meta = (ctx: RowContext) => ctx.item!.meta;
  const parent = (ctx: RowContext) => ctx.item!.meta.parent;
  const cols: (Column | false)[] = [
    col('Item', (c) => meta(c).title),
    col('Publisher', (c) => meta(c).publisher),
    blank('Publisher_ID'),
    col('Platform', () => report.identity.platform),
    shown('Authors') && col('Authors', (c) => meta(c).authors.map((a) => (a.ORCID ? `${a.Name} (ORCID:${a.ORCID})` : a.ISNI ? `${a.Name} (ISNI:${a.ISNI})` : a.Name)).join('; ')),
    shown('Publication_Date') && col('Publication_Date', (c) => meta(c).publicationDate ?? ''),
    shown('Article_Version') && blank('Article_Version'),
    col('DOI', (c) => meta(c).doi ?? ''),
    col('Proprietary_ID', (c) => `${report.identity.platformId}:${c.item!.recordId}`),
    id === 'IR' && blank('ISBN'),
    id !== 'IR_M1' && blank('Print_ISSN'),
    id !== 'IR_M1' && blank('Online_ISSN'),
    col('URI', (c) => recordUri(report, c.item!.recordId, meta(c).doi) ?? ''),
    parents && col('Parent_Title', (c) => parent(c)?.title ?? ''),
    parents && blank('Parent_Authors'),
    id === 'IR' && parents && blank('Parent_Publication_Date'),
    parents && blank('Parent_Article_Version'),
    id === 'IR' && parents && col('Parent_Data_Type', (c) => parent(c)?.dataType ?? ''),
    parents && blank('Parent_DOI'),
    parents && blank('Parent_Proprietary_ID'),
    id === 'IR' && parents && col('Parent_ISBN', (c) => parent(c)?.isbn ?? ''),
    parents && blank('Parent_Print_ISSN'),
    parents && col('Parent_Online_ISSN', (c) => parent(c)?.issn ?? ''),
    parents && blank('Parent_URI'),
    id !== 'IR_A1' && col('Data_Type', (c) => c.dataType),
    id === 'IR' && shown('YOP') && col('YOP', (c) => c.item!.yop),
    shown('Access_Type') && col('Access_Type', (c) => c.item!.accessType),
    id === 'IR' && shown('Access_Method') && col('Access_Method', () => 'Regular'),
  ];
  return cols.filter((c): c is Column => c !== false);
}

function platformColumns(report: CounterReport): Column[] {
  const method = report.request.report.id === 'PR' && report.request.attributesToShow.includes('Access_Method');
  return [
    col('Platform', () => report.identity.platform),
    col('Data_Type', (c) => c.dataType),
    ...(method ? [col('Access_Method', () => 'Regular')] : []),
  ];
}

export interface Table {
  header: [string, string][];
  columns: string[];
  rows: Cell[][];
}

/**
 * @example
 * toTable(report).columns // ['Platform', 'Data_Type', 'Metric_Type', 'Reporting_Period_Total', 'Jan-2024', …]
 */
export function toTable(report: CounterReport): Table {
  const months = report.request.granularity === 'Totals' ? [] : monthsBetween(report.begin, report.end);
  const describe = report.body.kind === 'platform' ? platformColumns(report) : itemColumns(report);
  const rows: Cell[][] = [];
  const push = (ctx: Omit<RowContext, 'metric'>, counts: Partial<Record<CountedMetric, Record<string, number>>>) => {
    for (const metric of report.metrics) {
      const byMonth = counts[metric];
      const total = periodTotal(byMonth);
      if (total === 0) continue; // Section 3.3.9: omit rows whose Reporting_Period_Total is zero.
      const c = { ...ctx, metric };
      rows.push([...describe.map((d) => d.value(c)), metric, total, ...months.map((m) => byMonth?.[m] ?? 0)]);
    }
  };
  if (report.body.kind === 'platform') for (const row of report.body.rows) push({ dataType: row.dataType }, row.counts);
  else for (const item of report.body.items) push({ item, dataType: item.dataType }, item.counts);
  return {
    header: headerRows(report),
    columns: [...describe.map((d) => d.name), 'Metric_Type', 'Reporting_Period_Total', ...months.map(monthHeading)],
    rows,
  };
}

/** Cells never contain the separators: tabs and line breaks in titles become spaces. */
const cell = (v: Cell) => (typeof v === 'number' ? String(v) : v.replace(/[\t\r\n]+/g, ' '));

/** The table as every line of the TSV file (header rows padded to the body's width, as the samples are). */
export function* tsvLines(table: Table): Generator<string> {
  const width = table.columns.length;
  const pad = (cells: Cell[]) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')];
  for (const h of table.header) yield pad(h).map(cell).join('\t');
  yield pad([]).join('\t');
  yield table.columns.join('\t');
  for (const row of table.rows) yield row.map(cell).join('\t');
}

/** The TSV file: UTF-8 with a byte-order mark (so spreadsheets read it as UTF-8), LF line ends. */
export function toTsv(table: Table): string {
  return `\uFEFF${[...tsvLines(table)].join('\n')}\n`;
}
