/**
 * A `CounterReport` as the COUNTER_SUSHI API's JSON (`components.schemas.PR`, `PR_P1`, `IR`,
 * `IR_A1`, `IR_M1`; validated by `schemas.ts` in the tests). Pure.
 */
import type { ItemMeta, ParentMeta } from './metadata';
import type { CounterReport, ItemRow, MetricCounts } from './model';
import { firstDay, lastDay } from './months';
import { WORLD_CUSTOMER_ID, type CountedMetric } from './spec';
import { GLOBAL } from '../../../src/core/kinds';

type Json = Record<string, unknown>;

/** Institution_ID: the Customer_ID under the platform's namespace; "The World" is 0000000000000000. */
export function institutionId(platformId: string, customerId: string): string {
  return `${platformId}:${customerId === GLOBAL ? WORLD_CUSTOMER_ID : customerId}`;
}

export function recordUri(report: Pick<CounterReport, 'identity'>, recordId: string, doi: string | null): string | null {
  if (report.identity.recordUrl) return report.identity.recordUrl.replace('{id}', encodeURIComponent(recordId));
  return doi ? `https://doi.org/${doi}` : null;
}

function filters(report: CounterReport): Json {
  const r = report.request;
  const out: Json = { Begin_Date: firstDay(report.begin), End_Date: lastDay(report.end) };
  if (r.platform) out['Platform'] = r.platform;
  if (r.report.preset) {
    if (r.report.preset.dataTypes) out['Data_Type'] = [...r.report.preset.dataTypes];
    out['Access_Method'] = [...r.report.preset.accessMethods];
    out['Metric_Type'] = [...r.report.preset.metricTypes];
    return out;
  }
  if (r.metricTypes) out['Metric_Type'] = [...r.metricTypes];
  if (r.dataTypes) out['Data_Type'] = [...r.dataTypes];
  if (r.accessMethods) out['Access_Method'] = [...r.accessMethods];
  if (r.accessTypes) out['Access_Type'] = [...r.accessTypes];
  if (r.yopText) out['YOP'] = [...r.yopText];
  if (r.itemId) out['Item_ID'] = r.itemId;
  return out;
}

function attributes(report: CounterReport): Json | null {
  const r = report.request;
  if (r.report.preset) return null;
  const out: Json = {};
  if (r.attributesToShow.length) out['Attributes_To_Show'] = [...r.attributesToShow];
  if (r.includeParentDetails) out['Include_Parent_Details'] = 'True';
  if (r.granularity === 'Totals') out['Granularity'] = 'Totals';
  return Object.keys(out).length ? out : null;
}

export function reportHeader(report: CounterReport): Json {
  const attrs = attributes(report);
  return {
    Report_Name: report.request.report.name,
    Report_ID: report.request.report.id,
    Release: '5.1',
    Institution_Name: report.identity.institutionName,
    Institution_ID: { Proprietary: [institutionId(report.identity.platformId, report.identity.customerId)] },
    Report_Filters: filters(report),
    ...(attrs ? { Report_Attributes: attrs } : {}),
    ...(report.exceptions.length ? { Exceptions: report.exceptions } : {}),
    Created: report.created,
    Created_By: report.identity.createdBy,
    Registry_Record: report.identity.registryRecord,
  };
}

/** Performance: each metric's Counts; with Granularity=Totals one count per metric, under the period's first month. */
function performance(report: CounterReport, counts: MetricCounts, metrics: readonly CountedMetric[]): Json {
  const out: Json = {};
  for (const metric of metrics) {
    const byMonth = counts[metric];
    if (!byMonth) continue;
    if (report.request.granularity === 'Totals') {
      out[metric] = { [report.begin]: Object.values(byMonth).reduce((a, b) => a + b, 0) };
    } else {
      out[metric] = Object.fromEntries(Object.entries(byMonth).sort(([a], [b]) => a.localeCompare(b)));
    }
  }
  return out;
}

function itemId(report: CounterReport, item: ItemRow): Json {
  const uri = recordUri(report, item.recordId, item.meta.doi);
  return {
    ...(item.meta.doi ? { DOI: item.meta.doi } : {}),
    Proprietary: `${report.identity.platformId}:${item.recordId}`,
    ...(uri ? { URI: uri } : {}),
  };
}

function parentJson(parent: ParentMeta): Json | null {
  const id: Json = {};
  if (parent.issn) id['Online_ISSN'] = parent.issn;
  if (parent.isbn) id['ISBN'] = parent.isbn;
  if (Object.keys(id).length === 0) return null; // Item_ID is required for a Parent_Item.
  return { ...(parent.title ? { Title: parent.title } : {}), Data_Type: parent.dataType, Item_ID: id };
}

function describedItem(report: CounterReport, item: ItemRow, show: (attribute: string) => boolean): Json {
  const meta: ItemMeta = item.meta;
  return {
    Item: meta.title,
    Publisher: meta.publisher,
    Platform: report.identity.platform,
    ...(show('Authors') && meta.authors.length ? { Authors: meta.authors } : {}),
    ...(show('Publication_Date') && meta.publicationDate ? { Publication_Date: meta.publicationDate } : {}),
    Item_ID: itemId(report, item),
  };
}

function itemJson(report: CounterReport, item: ItemRow): Json {
  const id = report.request.report.id;
  const shown = report.request.attributesToShow;
  const show = (a: string) => id === 'IR_A1' || shown.includes(a);
  const perf = performance(report, item.counts, report.metrics);
  let attribute: Json;
  if (id === 'IR_A1') attribute = { Access_Type: item.accessType, Performance: perf };
  else if (id === 'IR_M1') attribute = { Data_Type: item.dataType, Performance: perf };
  else {
    attribute = {
      Data_Type: item.dataType,
      ...(show('YOP') ? { YOP: item.yop } : {}),
      ...(show('Access_Type') ? { Access_Type: item.accessType } : {}),
      ...(show('Access_Method') ? { Access_Method: 'Regular' } : {}),
      Performance: perf,
    };
  }
  const described = describedItem(report, item, id === 'IR_M1' ? () => false : show);
  return { ...described, Attribute_Performance: [attribute] };
}

function itemReportItems(report: CounterReport, items: readonly ItemRow[]): Json[] {
  if (items.length === 0) return [];
  const byParent = report.request.includeParentDetails || report.request.report.id === 'IR_A1';
  if (!byParent) return [{ Items: items.map((i) => itemJson(report, i)) }];
  const groups = new Map<string, { parent: Json | null; items: Json[] }>();
  for (const item of items) {
    const parent = item.meta.parent ? parentJson(item.meta.parent) : null;
    const key = parent ? JSON.stringify(parent) : '';
    const group = groups.get(key) ?? { parent, items: [] };
    group.items.push(itemJson(report, item));
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => (g.parent ? { ...g.parent, Items: g.items } : { Items: g.items }));
}

/**
 * @example
 * JSON.stringify(counterJson(report)) // {"Report_Header":{"Report_Name":"Platform Report",…},"Report_Items":[…]}
 */
export function counterJson(report: CounterReport): Json {
  const header = reportHeader(report);
  if (report.body.kind === 'platform') {
    const withMethod = report.request.report.id === 'PR' && report.request.attributesToShow.includes('Access_Method');
    const performances = report.body.rows.map((row) => ({
      Data_Type: row.dataType,
      ...(withMethod ? { Access_Method: 'Regular' } : {}),
      Performance: performance(report, row.counts, report.metrics),
    }));
    return {
      Report_Header: header,
      Report_Items: performances.length ? [{ Platform: report.identity.platform, Attribute_Performance: performances }] : [],
    };
  }
  return { Report_Header: header, Report_Items: itemReportItems(report, report.body.items) };
}
