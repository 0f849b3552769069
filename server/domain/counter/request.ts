/**
 * A report request's parameters (the COUNTER_SUSHI API's query string, section 3.3.8 and the
 * API's `components.parameters`) → a typed request, plus the Exceptions Appendix D asks for when
 * a parameter is ignored: 3050 (not recognised for this report), 3060 (filter value), 3062
 * (attribute value), 3063 (components). Missing dates are 1030, invalid dates 3020. Values are
 * matched case-insensitively (`data_type=dataset`) and echoed in their canonical spelling.
 */
import { FIRST_DAY, lastQueryDay, outsideWindow } from '../../../src/core/dateWindow';
import { firstDay, lastDay, monthOfParam, type Month } from './months';
import {
  ACCESS_METHODS, ACCESS_TYPES, ITEM_ATTRIBUTES, PLATFORM_ATTRIBUTES, SushiError, counterException,
  type AccessMethod, type AccessType, type CounterException, type DataType, type MetricType, type ReportDefinition,
} from './spec';

export interface ReportRequest {
  report: ReportDefinition;
  begin: Month;
  end: Month;
  /** Filters as requested (null = not given, the default "all"). Standard Views carry their presets. */
  metricTypes: readonly MetricType[] | null;
  dataTypes: readonly DataType[] | null;
  accessTypes: readonly AccessType[] | null;
  accessMethods: readonly AccessMethod[] | null;
  /** Inclusive year ranges as 4-digit text. */
  yop: readonly (readonly [string, string])[] | null;
  /** `yyyy`, `yyyy-yyyy` tokens as given (for the header). */
  yopText: readonly string[] | null;
  itemId: string | null;
  platform: string | null;
  attributesToShow: readonly string[];
  granularity: 'Month' | 'Totals';
  includeParentDetails: boolean;
}

export interface ParsedRequest {
  request: ReportRequest;
  exceptions: CounterException[];
}

/** Parameters every report path takes: identity and the period (handled by the caller or here). */
const COMMON = ['customer_id', 'requestor_id', 'api_key', 'platform', 'begin_date', 'end_date'];
const MASTER = ['metric_type', 'data_type', 'access_method', 'attributes_to_show', 'granularity', 'attributed', 'country_code', 'subdivision_code'];
const ITEM_ONLY = ['access_type', 'yop', 'include_parent_details', 'include_component_details', 'item_id', 'author'];
/** Filters the API defines that repostats does not apply (3060 when used). */
const UNSUPPORTED_FILTERS = ['attributed', 'country_code', 'subdivision_code', 'author'];

function text(value: unknown): string | null {
  if (Array.isArray(value)) return value.map(String).join('|');
  return value === undefined || value === null || String(value).trim() === '' ? null : String(value).trim();
}

/** Pipe-separated values matched case-insensitively against `allowed`: the matches, and the rest. */
function pick<T extends string>(raw: string, allowed: readonly T[]): { values: T[]; invalid: string[] } {
  const values: T[] = [];
  const invalid: string[] = [];
  for (const token of raw.split('|').map((t) => t.trim()).filter((t) => t !== '')) {
    const hit = allowed.find((a) => a.toLowerCase() === token.toLowerCase());
    if (hit && !values.includes(hit)) values.push(hit);
    else if (!hit) invalid.push(token);
  }
  return { values, invalid };
}

function yopRanges(raw: string): { ranges: [string, string][]; tokens: string[]; invalid: string[] } {
  const ranges: [string, string][] = [];
  const tokens: string[] = [];
  const invalid: string[] = [];
  for (const token of raw.split('|').map((t) => t.trim()).filter((t) => t !== '')) {
    const m = /^(\d{4})(?:-(\d{4}))?$/.exec(token);
    if (m && (m[2] === undefined || m[2] >= m[1]!)) {
      ranges.push([m[1]!, m[2] ?? m[1]!]);
      tokens.push(token);
    } else invalid.push(token);
  }
  return { ranges, tokens, invalid };
}

function month(name: 'begin_date' | 'end_date', query: Record<string, unknown>): Month {
  const raw = text(query[name]);
  if (raw === null) throw new SushiError(1030, `${name} is required (yyyy-mm or yyyy-mm-dd)`);
  const m = monthOfParam(raw);
  if (m === null) throw new SushiError(3020, `${name} "${raw}" is not a date in the form yyyy-mm or yyyy-mm-dd`);
  // Months no usage can have (0000-01, 9999-12) are invalid arguments, not a range to walk.
  const problem = outsideWindow(name === 'begin_date' ? lastDay(m) : firstDay(m), lastQueryDay(new Date()));
  if (problem) throw new SushiError(3020, `${name} "${raw}" ${problem.replace(FIRST_DAY, FIRST_DAY.slice(0, 7))}`);
  return m;
}

/**
 * @example
 * parseReportRequest(REPORTS.ir, { begin_date: '2024-01', end_date: '2024-03', data_type: 'dataset|Poem' }, { platform: 'Zenodo' })
 * // request.dataTypes: ['Dataset']; exceptions: [{ Code: 3060, Message: 'Invalid ReportFilter Value', Data: 'data_type: Poem' }]
 */
export function parseReportRequest(report: ReportDefinition, query: Record<string, unknown>, options: { platform: string }): ParsedRequest {
  const begin = month('begin_date', query);
  const end = month('end_date', query);
  const exceptions: CounterException[] = [];
  const badFilters: string[] = [];
  const badAttributes: string[] = [];
  const accepted = new Set([...COMMON, ...(report.preset ? [] : [...MASTER, ...(report.kind === 'item' ? ITEM_ONLY : [])])]);
  const unknown = Object.keys(query).filter((k) => !accepted.has(k));
  if (unknown.length) exceptions.push(counterException(3050, unknown.join(', ')));

  const get = (name: string) => (accepted.has(name) ? text(query[name]) : null);
  const filter = <T extends string>(name: string, allowed: readonly T[]): T[] | null => {
    const raw = get(name);
    if (raw === null) return null;
    const { values, invalid } = pick(raw, allowed);
    if (invalid.length) badFilters.push(`${name}: ${invalid.join('|')}`);
    return values.length ? values : null;
  };

  const platform = text(query['platform']);
  if (platform !== null && platform.toLowerCase() !== options.platform.toLowerCase()) badFilters.push(`platform: ${platform}`);
  for (const name of UNSUPPORTED_FILTERS) if (get(name) !== null) badFilters.push(`${name}: not supported`);

  let yop: [string, string][] | null = null;
  let yopText: string[] | null = null;
  const rawYop = get('yop');
  if (rawYop !== null) {
    const parsed = yopRanges(rawYop);
    if (parsed.invalid.length) badFilters.push(`yop: ${parsed.invalid.join('|')}`);
    if (parsed.ranges.length) [yop, yopText] = [parsed.ranges, parsed.tokens];
  }

  const allowedAttributes: readonly string[] = report.kind === 'item' ? [...ITEM_ATTRIBUTES, 'Article_Version'] : PLATFORM_ATTRIBUTES;
  const rawAttributes = get('attributes_to_show');
  const attributes = rawAttributes === null ? { values: [], invalid: [] } : pick(rawAttributes, allowedAttributes);
  if (attributes.invalid.length) badAttributes.push(`attributes_to_show: ${attributes.invalid.join('|')}`);

  let granularity: 'Month' | 'Totals' = 'Month';
  const rawGranularity = get('granularity');
  if (rawGranularity !== null) {
    // The 5.1 API file spelled it `Total`; the Code of Practice (and cop5 PR #295) `Totals`. Both are read.
    if (/^totals?$/i.test(rawGranularity)) granularity = 'Totals';
    else if (!/^month$/i.test(rawGranularity)) badAttributes.push(`granularity: ${rawGranularity}`);
  }
  const flag = (name: string): boolean => {
    const raw = get(name);
    if (raw === null || /^false$/i.test(raw)) return false;
    if (/^true$/i.test(raw)) return true;
    badAttributes.push(`${name}: ${raw}`);
    return false;
  };
  const includeParentDetails = flag('include_parent_details');
  if (flag('include_component_details')) exceptions.push(counterException(3063, 'include_component_details=True'));

  const request: ReportRequest = {
    report,
    begin,
    end,
    metricTypes: report.preset?.metricTypes ?? filter('metric_type', report.metricTypes),
    dataTypes: report.preset?.dataTypes ?? filter('data_type', report.dataTypes),
    accessTypes: filter('access_type', ACCESS_TYPES),
    accessMethods: report.preset?.accessMethods ?? filter('access_method', ACCESS_METHODS),
    yop,
    yopText,
    itemId: get('item_id'),
    platform: platform !== null && badFilters.every((b) => !b.startsWith('platform:')) ? options.platform : null,
    attributesToShow: attributes.values,
    granularity,
    includeParentDetails,
  };
  if (badFilters.length) exceptions.push(counterException(3060, badFilters.sort().join('; ')));
  if (badAttributes.length) exceptions.push(counterException(3062, badAttributes.sort().join('; ')));
  return { request, exceptions: exceptions.sort((a, b) => a.Code - b.Code) };
}
