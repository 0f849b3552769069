/**
 * The parts of the COUNTER Code of Practice Release 5.1 and the COUNTER_SUSHI API 5.1 this
 * server implements, as data: the vocabularies, the reports and Standard Views a repository
 * provides, and the Exceptions of Appendix D.
 *
 * Sources (read 2026-12-04):
 * - Code of Practice 5.1: github.com/Project-Counter/cop5, tag `5.1` (bb31035): sections 3.3
 *   (Data_Types, Metric_Types, Access_Types, YOP, filters and attributes), 4.1 (Platform Reports),
 *   4.4 (Item Reports), 7.2–7.4 (double clicks, unique items, unique titles), 8 and Appendix D.
 * - COUNTER_SUSHI API 5.1: `sushi-api/COUNTER_SUSHI_API.json` in the same repository at 787d0f2
 *   (5.1 with the 2024 pattern fixes), and cop5 PR #295 (Granularity `Totals`, not `Total`).
 */

export const RELEASE = '5.1';

/** Table 3.p, as the JSON schema's PR_Attribute_Performance_Other enumerates it. */
export const DATA_TYPES = [
  'Article', 'Audiovisual', 'Book', 'Book_Segment', 'Conference', 'Conference_Item', 'Database_Full_Item', 'Dataset',
  'Image', 'Interactive_Resource', 'Journal', 'Multimedia', 'News_Item', 'Newspaper_or_Newsletter', 'Other', 'Patent',
  'Reference_Item', 'Reference_Work', 'Report', 'Software', 'Sound', 'Standard', 'Thesis_or_Dissertation', 'Unspecified',
] as const;
export type DataType = (typeof DATA_TYPES)[number];

/** Data_Types an Item Report may carry (IR_Attribute_Performance: item level, so no Book, Journal, …). */
export const ITEM_DATA_TYPES = [
  'Article', 'Audiovisual', 'Book_Segment', 'Conference_Item', 'Database_Full_Item', 'Dataset', 'Image',
  'Interactive_Resource', 'Multimedia', 'News_Item', 'Other', 'Patent', 'Reference_Item', 'Report', 'Software', 'Sound',
  'Standard', 'Thesis_or_Dissertation', 'Unspecified',
] as const satisfies readonly DataType[];

export const METRIC_TYPES = [
  'Searches_Platform', 'Total_Item_Investigations', 'Total_Item_Requests', 'Unique_Item_Investigations',
  'Unique_Item_Requests', 'Unique_Title_Investigations', 'Unique_Title_Requests', 'Limit_Exceeded', 'No_License',
] as const;
export type MetricType = (typeof METRIC_TYPES)[number];

/** The metrics repostats computes from views and downloads (the others never occur here). */
export const COUNTED_METRICS = [
  'Total_Item_Investigations', 'Total_Item_Requests', 'Unique_Item_Investigations', 'Unique_Item_Requests',
  'Unique_Title_Investigations', 'Unique_Title_Requests',
] as const satisfies readonly MetricType[];
export type CountedMetric = (typeof COUNTED_METRICS)[number];

/**
 * Where Unique_Title_* appear. Section 3.3.5: "MUST NOT be used for Data_Types other than Book and
 * Reference_Work". A repository reports items (Table 3.p: a whole book is one Book_Segment), so its
 * books are Book_Segment rows; the title is the record's parent (all versions of the book).
 */
export const TITLE_METRIC_DATA_TYPES: readonly DataType[] = ['Book_Segment'];

export const ACCESS_TYPES = ['Controlled', 'Open', 'Free_To_Read'] as const;
export type AccessType = (typeof ACCESS_TYPES)[number];
export const ACCESS_METHODS = ['Regular', 'TDM'] as const;
export type AccessMethod = (typeof ACCESS_METHODS)[number];

/** YOP when the year of publication is unknown (Table 3.w). */
export const UNKNOWN_YOP = '0001';

/** Customer_ID of the report to "The World" (section 8.2); repostats also accepts `global`. */
export const WORLD_CUSTOMER_ID = '0000000000000000';

export type ReportKind = 'platform' | 'item';
export type ReportPath = 'pr' | 'pr_p1' | 'ir' | 'ir_a1' | 'ir_m1';

/** Optional IR columns a request may ask for in attributes_to_show (Table 4.p, the "C" elements we fill). */
export const ITEM_ATTRIBUTES = ['Authors', 'Publication_Date', 'YOP', 'Access_Type', 'Access_Method'] as const;
export const PLATFORM_ATTRIBUTES = ['Access_Method'] as const;

export interface ReportDefinition {
  path: ReportPath;
  id: 'PR' | 'PR_P1' | 'IR' | 'IR_A1' | 'IR_M1';
  name: string;
  description: string;
  kind: ReportKind;
  /** Standard Views have their filters pre-set (and accept no others); master reports null. */
  preset: null | { metricTypes: readonly MetricType[]; dataTypes?: readonly DataType[]; accessMethods: readonly AccessMethod[] };
  /** Metric_Types the report's filter accepts. */
  metricTypes: readonly MetricType[];
  /** Data_Types the report's filter accepts. */
  dataTypes: readonly DataType[];
}

const PR_METRICS: readonly MetricType[] = METRIC_TYPES.slice(0, 7);
const IR_METRICS: readonly MetricType[] = [
  'Total_Item_Investigations', 'Total_Item_Requests', 'Unique_Item_Investigations', 'Unique_Item_Requests',
  'Limit_Exceeded', 'No_License',
];
const MULTIMEDIA: readonly DataType[] = ['Audiovisual', 'Image', 'Interactive_Resource', 'Multimedia', 'Sound'];
const REQUESTS: readonly MetricType[] = ['Total_Item_Requests', 'Unique_Item_Requests'];

/** The reports of the Repository Host_Type (section 4: PR with PR_P1, IR with IR_A1; IR_M1 for multimedia items). */
export const REPORTS: Readonly<Record<ReportPath, ReportDefinition>> = {
  pr: {
    path: 'pr', id: 'PR', name: 'Platform Report', kind: 'platform', preset: null, metricTypes: PR_METRICS, dataTypes: DATA_TYPES,
    description: 'A customizable report summarizing activity across the repository, by Data_Type.',
  },
  pr_p1: {
    path: 'pr_p1', id: 'PR_P1', name: 'Platform Usage', kind: 'platform', metricTypes: PR_METRICS, dataTypes: DATA_TYPES,
    preset: { metricTypes: ['Searches_Platform', 'Total_Item_Requests', 'Unique_Item_Requests', 'Unique_Title_Requests'], accessMethods: ['Regular'] },
    description: 'Platform-level usage summarized by Metric_Type.',
  },
  ir: {
    path: 'ir', id: 'IR', name: 'Item Report', kind: 'item', preset: null, metricTypes: IR_METRICS, dataTypes: ITEM_DATA_TYPES,
    description: 'A granular, customizable report showing activity at the level of the item (record).',
  },
  ir_a1: {
    path: 'ir_a1', id: 'IR_A1', name: 'Journal Article Requests', kind: 'item', metricTypes: IR_METRICS, dataTypes: ITEM_DATA_TYPES,
    preset: { metricTypes: REQUESTS, dataTypes: ['Article'], accessMethods: ['Regular'] },
    description: 'Reports on journal article requests at the article level.',
  },
  ir_m1: {
    path: 'ir_m1', id: 'IR_M1', name: 'Multimedia Item Requests', kind: 'item', metricTypes: IR_METRICS, dataTypes: ITEM_DATA_TYPES,
    preset: { metricTypes: REQUESTS, dataTypes: MULTIMEDIA, accessMethods: ['Regular'] },
    description: 'Reports on multimedia requests at the item level.',
  },
};

export const REPORT_PATHS = Object.keys(REPORTS) as ReportPath[];

/** Appendix D, Table D.1: each Exception's Message (exact) and HTTP status. */
export const EXCEPTIONS = {
  1000: { message: 'Service Not Available', status: 503 },
  1010: { message: 'Service Busy', status: 503 },
  1020: { message: 'Client has made too many requests', status: 429 },
  1030: { message: 'Insufficient Information to Process Request', status: 400 },
  2000: { message: 'Requestor Not Authorized to Access Service', status: 401 },
  2010: { message: 'Requestor is Not Authorized to Access Usage for Institution', status: 403 },
  2020: { message: 'APIKey Invalid', status: 401 },
  3020: { message: 'Invalid Date Arguments', status: 400 },
  3030: { message: 'No Usage Available for Requested Dates', status: 200 },
  3031: { message: 'Usage Not Ready for Requested Dates', status: 200 },
  3032: { message: 'Usage No Longer Available for Requested Dates', status: 200 },
  3050: { message: 'Parameter Not Recognized in this Context', status: 200 },
  3060: { message: 'Invalid ReportFilter Value', status: 200 },
  3062: { message: 'Invalid ReportAttribute Value', status: 200 },
  3063: { message: 'Components Not Supported', status: 200 },
} as const;
export type ExceptionCode = keyof typeof EXCEPTIONS;

/** A COUNTER Exception as the JSON and the tabular header carry it. */
export interface CounterException {
  Code: ExceptionCode;
  Message: string;
  Data?: string;
}

export function counterException(code: ExceptionCode, data?: string): CounterException {
  return { Code: code, Message: EXCEPTIONS[code].message, ...(data ? { Data: data } : {}) };
}

/**
 * An Exception that stops the request (HTTP status other than 200): the SUSHI routes answer it as
 * the single Exception object Appendix D asks for.
 */
export class SushiError extends Error {
  readonly exception: CounterException;
  constructor(code: Exclude<ExceptionCode, 3030 | 3031 | 3032 | 3050 | 3060 | 3062 | 3063>, data?: string) {
    super(`${code}: ${EXCEPTIONS[code].message}${data ? ` (${data})` : ''}`);
    this.name = 'SushiError';
    this.exception = counterException(code, data);
  }

  get status(): number {
    return EXCEPTIONS[this.exception.Code].status;
  }
}
