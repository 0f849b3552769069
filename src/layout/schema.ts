/**
 * The layout schema: one zod schema gives the TypeScript types, the JSON Schema published for
 * editors (`layout.schema.json`) and the runtime validation with paths in its errors.
 *
 * A widget instance is data: `{type: 'breakdown', field: 'funders', metric: 'downloads',
 * mode: 'delta', view: 'pie', width: 8}`. Any field × metric × mode is one layout entry.
 */
import { z } from 'zod';
import { FilterSchema } from '../api/query';
import { FIELD_IDS, FIELDS, type FieldId } from '../core/fields';
import { METRIC_IDS, METRICS, type MetricId } from '../core/metrics';
import { isSafeUrl } from '../core/safeUrl';

const Metric = z.enum(METRIC_IDS as [MetricId, ...MetricId[]]);
const Field = z.enum(FIELD_IDS as [FieldId, ...FieldId[]]);
const Mode = z.enum(['delta', 'cumulative']);
const Columns = z.number().int().min(1).max(16);

/** A translatable label: a literal or i18n key (`"tabs.content"`), or `{en: …, fr: …}`. */
export const LabelSchema = z.union([
  z.string(),
  z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, 'expected a language code like "en" or "pt-BR"'), z.string()),
]);
export type Label = z.infer<typeof LabelSchema>;

/** A host URL template: http(s) or relative only (src/core/safeUrl.ts). */
const UrlTemplate = z
  .string()
  .refine(isSafeUrl, 'expected an http(s) or relative URL, like /records/{id} or https://example.org/records/{id}');

/**
 * A widget's own filters (query-API filters, e.g. `[["is", "field:resource_types", ["dataset"]]]`),
 * ANDed with the dashboard's filters for this widget only.
 */
const WidgetFilters = z.array(FilterSchema).min(1, 'expected at least one filter (or leave filters out)').optional();

const base = {
  /** Optional stable id: keys per-widget view choices in the URL. */
  id: z.string().regex(/^[a-z0-9-_]+$/i).optional(),
  /** Columns on a 16-column grid (desktop). */
  width: Columns,
  tablet: Columns.optional(),
  mobile: Columns.optional(),
  title: LabelSchema.optional(),
  description: LabelSchema.optional(),
};

export const SingleStatSchema = z
  .object({
    type: z.literal('single-stat'),
    ...base,
    metric: Metric,
    mode: Mode,
    icon: z.string().optional(),
    filters: WidgetFilters,
  })
  .strict();

export const TimeSeriesSchema = z
  .object({
    type: z.literal('time-series'),
    ...base,
    /** One metric, or several with a switcher (first is the default). */
    metrics: z.array(Metric).min(1),
    mode: Mode,
    chart: z.enum(['line', 'area', 'bar']).default('line'),
    stacked: z.boolean().default(false),
    /** Fields offered under "show separately". */
    breakdownBy: z.array(Field).default([]),
    topN: z.number().int().min(1).max(50).default(10),
    height: z.number().int().min(120).max(1200).default(300),
    filters: WidgetFilters,
  })
  .strict();

export const BreakdownSchema = z
  .object({
    type: z.literal('breakdown'),
    ...base,
    field: Field,
    metric: Metric,
    mode: Mode,
    view: z.enum(['table', 'bar', 'pie']).default('table'),
    /** Views the reader may switch between. */
    views: z.array(z.enum(['table', 'bar', 'pie'])).default(['table', 'bar', 'pie']),
    pageSize: z.number().int().min(1).max(100).default(10),
    /** Host search page for an item: `{id}` and `{field}` are replaced, e.g. `/search?q=funder:{id}`. */
    searchUrl: UrlTemplate.optional(),
    collapsed: z.boolean().default(false),
    filters: WidgetFilters,
  })
  .strict();

export const MapSchema = z
  .object({
    type: z.literal('map'),
    ...base,
    metric: z.enum(['views', 'downloads', 'views_unique_visitors', 'downloads_unique_visitors', 'download_volume']),
    mode: Mode,
    height: z.number().int().min(160).max(1200).default(400),
    filters: WidgetFilters,
  })
  .strict();

export const TopRecordsSchema = z
  .object({
    type: z.literal('top-records'),
    ...base,
    metric: z.enum(['views', 'downloads']),
    limit: z.number().int().min(1).max(100).default(10),
    /** Host record page: `{id}` is replaced, e.g. `/records/{id}`. */
    recordUrl: UrlTemplate.optional(),
  })
  .strict();

export const TableSchema = z
  .object({
    type: z.literal('table'),
    ...base,
    metrics: z.array(Metric).min(1),
    mode: Mode,
    /** When set, one row per item of this field; otherwise one row per period. */
    field: Field.optional(),
    filters: WidgetFilters,
  })
  .strict();

export const TextSchema = z
  .object({
    type: z.literal('text'),
    ...base,
    heading: LabelSchema.optional(),
    body: LabelSchema,
  })
  .strict();

export const WidgetSchema = z.discriminatedUnion('type', [
  SingleStatSchema,
  TimeSeriesSchema,
  BreakdownSchema,
  MapSchema,
  TopRecordsSchema,
  TableSchema,
  TextSchema,
]);

export const RowSchema = z.object({ widgets: z.array(WidgetSchema) }).strict();

export const TabSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-_]+$/i, 'expected letters, digits, - or _'),
    label: LabelSchema,
    icon: z.string().optional(),
    rows: z.array(RowSchema),
  })
  .strict();

/** A widget filter on a field its metrics do not carry (countries on records) could never apply. */
function checkWidgetFilters(layout: { tabs: z.output<typeof TabSchema>[] }, ctx: z.RefinementCtx): void {
  layout.tabs.forEach((tab, t) =>
    tab.rows.forEach((row, r) =>
      row.widgets.forEach((w, i) => {
        if (!('filters' in w) || !w.filters) return;
        const metrics: MetricId[] = 'metrics' in w ? w.metrics : [w.metric];
        w.filters.forEach(([, ref], f) => {
          const field = ref.slice('field:'.length) as FieldId;
          const bad = metrics.find((m) => !(FIELDS[field].scope as readonly string[]).includes(METRICS[m].family));
          if (bad) ctx.addIssue({ code: 'custom', path: ['tabs', t, 'rows', r, 'widgets', i, 'filters', f, 1], message: `${ref} describes usage events only; it cannot filter the record metric "${bad}"` });
        });
      }),
    ),
  );
}

export const LayoutSchema = z
  .object({
    version: z.literal(1),
    tabs: z.array(TabSchema).min(1),
  })
  .strict()
  .superRefine(checkWidgetFilters);

/** Input types (defaults optional) — what a site owner writes. */
export type LayoutInput = z.input<typeof LayoutSchema>;
/** Parsed types (defaults filled) — what widgets receive. */
export type Layout = z.output<typeof LayoutSchema>;
export type Tab = Layout['tabs'][number];
export type WidgetConfig = z.output<typeof WidgetSchema>;
export type WidgetType = WidgetConfig['type'];
export type WidgetOf<T extends WidgetType> = Extract<WidgetConfig, { type: T }>;
