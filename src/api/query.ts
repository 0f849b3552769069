/**
 * The query API's contract (`POST /api/v1/query`, `GET /api/v1/query?q=<JSON>`), shared by the
 * server (which validates and answers) and the component (which asks and parses the answer).
 * Metrics come from the metric registry, fields from the field registry: nothing is listed twice.
 *
 * A request is parsed into its normalised form (every default filled in); the server then
 * resolves `date_range` against the data's last complete day and echoes the result as `query`.
 *
 * @example
 * QueryRequestSchema.parse({ metrics: ['views'], date_range: '30d', dimensions: ['time:week'] })
 */
import { z } from 'zod';
import { FIELDS, FIELD_IDS, type FieldId } from '../core/fields';
import { BASES, METRICS, METRIC_IDS, QUERY_MODES, type MetricId } from '../core/metrics';
import { LabelsSchema } from './schemas';

export const TIME_GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TimeGrain = (typeof TIME_GRAINS)[number];

/** Presets resolve against "data as of" (the last complete aggregated day), never the wall clock. */
export const DATE_PRESETS = ['7d', '30d', 'month', '12mo', 'year', 'all'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export const COMPARISONS = ['previous_period', 'previous_year'] as const;

/** Most rows one answer may hold; a longer list is paged with `offset`. */
export const MAX_QUERY_LIMIT = 1000;

function isRealDay(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

const Day = z.string().refine(isRealDay, 'expected a real date YYYY-MM-DD');

const MetricSchema = z.enum(METRIC_IDS as [MetricId, ...MetricId[]], {
  error: `expected a metric: one of ${METRIC_IDS.join(', ')}`,
});

const FIELD_DIMENSIONS = FIELD_IDS.map((f) => `field:${f}` as const);
const TIME_DIMENSIONS = TIME_GRAINS.map((g) => `time:${g}` as const);
export type FieldDimension = `field:${FieldId}`;
export type TimeDimension = `time:${TimeGrain}`;
/** The records themselves (usage metrics only): the top records of a range, with every filter applied. */
export const RECORD_DIMENSION = 'record';
export type RecordDimension = typeof RECORD_DIMENSION;
export type Dimension = FieldDimension | TimeDimension | RecordDimension;
/** What a non-time dimension breaks figures down by: a subcount field, or the records. */
export type ItemDimension = FieldId | RecordDimension;

const FieldRefSchema = z.enum(FIELD_DIMENSIONS as [FieldDimension, ...FieldDimension[]], {
  error: `expected a subcount field: one of ${FIELD_DIMENSIONS.join(', ')}`,
});
const DimensionSchema = z.enum([...TIME_DIMENSIONS, ...FIELD_DIMENSIONS, RECORD_DIMENSION] as unknown as [Dimension, ...Dimension[]], {
  error: `expected a dimension: time:${TIME_GRAINS.join('|')}, field:<subcount field> or ${RECORD_DIMENSION}`,
});

export const FilterSchema = z.tuple([
  z.enum(['is', 'is_not'], { error: 'expected "is" or "is_not"' }),
  FieldRefSchema,
  z.array(z.string().min(1)).min(1, 'expected at least one item id'),
]);
export type QueryFilter = z.infer<typeof FilterSchema>;

const DateRangeSchema = z.union(
  [z.enum(DATE_PRESETS), z.tuple([Day, Day])],
  { error: `expected [start, end] (YYYY-MM-DD) or a preset: ${DATE_PRESETS.join(', ')}` },
);

const OrderSchema = z.tuple([z.union([MetricSchema, DimensionSchema]), z.enum(['asc', 'desc'])]);

/** The field a `field:<id>` reference names. */
export function fieldOf(ref: FieldDimension): FieldId {
  return ref.slice('field:'.length) as FieldId;
}

export function isTimeDimension(d: Dimension): d is TimeDimension {
  return d.startsWith('time:');
}

/** The item a non-time dimension breaks down by (`field:countries` → `countries`, `record` → `record`). */
export function itemOf(d: Exclude<Dimension, TimeDimension>): ItemDimension {
  return d === RECORD_DIMENSION ? RECORD_DIMENSION : fieldOf(d);
}

export function grainOf(d: TimeDimension): TimeGrain {
  return d.slice('time:'.length) as TimeGrain;
}

const RequestObject = z.strictObject({
  community: z.string().min(1).default('global'),
  metrics: z.array(MetricSchema).min(1, 'ask for at least one metric').max(METRIC_IDS.length),
  mode: z.enum(QUERY_MODES.records).default('delta'),
  basis: z.enum(BASES).default('added'),
  date_range: DateRangeSchema.default('30d'),
  dimensions: z.array(DimensionSchema).max(2, 'at most two dimensions').default([]),
  filters: z.array(FilterSchema).default([]),
  order_by: z.array(OrderSchema).default([]),
  limit: z.number().int().min(1).max(MAX_QUERY_LIMIT).default(100),
  offset: z.number().int().min(0).default(0),
  include: z
    .strictObject({
      other: z.boolean().default(false),
      totals: z.boolean().default(false),
      comparison: z.enum(COMPARISONS).nullable().default(null),
    })
    .default({ other: false, totals: false, comparison: null }),
});

/** Rules across fields, each reported at the path of the field that breaks it. */
export const QueryRequestSchema = RequestObject.superRefine((q, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const families = new Set(q.metrics.map((m) => METRICS[m].family));
  q.metrics.forEach((m, i) => {
    if (q.metrics.indexOf(m) !== i) issue(['metrics', i], `"${m}" is asked twice`);
    const modes: readonly string[] = QUERY_MODES[METRICS[m].family];
    if (!modes.includes(q.mode)) issue(['mode'], `"${q.mode}" does not apply to usage metric "${m}": use ${modes.join(' or ')}`);
  });
  if (Array.isArray(q.date_range) && q.date_range[0] > q.date_range[1]) {
    issue(['date_range'], `the start ${q.date_range[0]} is after the end ${q.date_range[1]}`);
  }
  const scopeOk = (ref: FieldDimension) =>
    [...families].every((f) => (FIELDS[fieldOf(ref)].scope as readonly string[]).includes(f));
  q.dimensions.forEach((d, i) => {
    if (q.dimensions.indexOf(d) !== i) issue(['dimensions', i], `"${d}" is given twice`);
    if (d === RECORD_DIMENSION) {
      if (families.has('records')) issue(['dimensions', i], `${d} breaks down usage metrics only (views, downloads…)`);
    } else if (!isTimeDimension(d) && !scopeOk(d)) issue(['dimensions', i], `${d} describes usage events only; it cannot break down record metrics`);
  });
  if (q.dimensions.filter(isTimeDimension).length > 1) issue(['dimensions'], 'at most one time dimension');
  q.filters.forEach(([, ref], i) => {
    if (!scopeOk(ref)) issue(['filters', i, 1], `${ref} describes usage events only; it cannot filter record metrics`);
  });
  q.order_by.forEach(([key], i) => {
    const known = (q.metrics as string[]).includes(key) || (q.dimensions as string[]).includes(key);
    if (!known) issue(['order_by', i, 0], `"${key}" is neither an asked metric nor a dimension of this query`);
  });
  const fieldDims = q.dimensions.filter((d) => !isTimeDimension(d));
  if (q.include.other && fieldDims.length !== 1) issue(['include', 'other'], 'needs exactly one field (or record) dimension');
});

export type QueryRequest = z.output<typeof QueryRequestSchema>;
/** What a client may send: every field but `metrics` has a default. */
export type QueryRequestInput = z.input<typeof QueryRequestSchema>;

/** The normalised query the answer echoes: defaults filled, community by id, range resolved. */
export type NormalisedQuery = Omit<QueryRequest, 'date_range'> & { date_range: [string, string] };

const MetricValues = z.array(z.number());

export const QueryRowSchema = z.object({
  /** One value per dimension, in the order asked: a period's first day, or an item id. */
  dimensions: z.array(z.string()),
  /** One value per metric, in the order asked. */
  metrics: MetricValues,
});

const ResultSetSchema = z.object({
  results: z.array(QueryRowSchema),
  totals: z.object({ metrics: MetricValues }).optional(),
});

export const QueryResponseSchema = ResultSetSchema.extend({
  /** The items beyond `offset + limit`, counted exactly over the period (not a sum of parts for distinct metrics). */
  other: z.object({ items: z.number().int().nonnegative(), metrics: MetricValues }).optional(),
  comparison: ResultSetSchema.extend({ date_range: z.tuple([z.string(), z.string()]) }).optional(),
  meta: z.object({
    /** The last complete aggregated day; no range runs past it. Null before the first aggregation. */
    data_as_of: z.string().nullable(),
    /** Periods (by their first day) the range or the data covers only in part. */
    partial_periods: z.array(z.string()),
    /** Labels of the items in the answer, by item id. */
    labels: z.record(z.string(), LabelsSchema),
    notes: z.array(z.string()),
  }),
  query: z.record(z.string(), z.unknown()),
});
export type QueryResponse = z.infer<typeof QueryResponseSchema>;
export type QueryRow = z.infer<typeof QueryRowSchema>;
