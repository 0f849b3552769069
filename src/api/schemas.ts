/**
 * Response schemas shared by the server (which renders them) and the component (which parses
 * them on arrival). One source of truth: the TypeScript types, the runtime validation and the
 * OpenAPI document all derive from these.
 */
import { z } from 'zod';
import { BASES, CATEGORIES, METRIC_IDS, type MetricId } from '../core/metrics';
import { FIELD_IDS, type FieldId } from '../core/fields';
import type { QueryFilter } from './query';

export const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** A label in several languages: `{en: 'Dataset', fr: 'Jeu de données'}`. May be empty. */
export const LabelsSchema = z.record(z.string(), z.string());
export type Labels = z.infer<typeof LabelsSchema>;

const metricArrays = z.partialRecord(z.enum(METRIC_IDS as [MetricId, ...MetricId[]]), z.array(z.number()));

export const SubcountSeriesSchema = z.object({
  /** The kept items (all for `all` fields, the top N for `top` fields), in ranking order. */
  items: z.array(z.object({ id: z.string(), labels: LabelsSchema })),
  /** `series[metric][itemIndex][dayIndex]` */
  series: z.partialRecord(z.enum(METRIC_IDS as [MetricId, ...MetricId[]]), z.array(z.array(z.number()))),
  /**
   * `other[metric][dayIndex]`: the exact sum over every item NOT kept. For multi-valued fields
   * (a record with two subjects counts under both), items + other can exceed the total.
   */
  other: metricArrays,
  /** How many distinct items fall into "other" over the bundle's year. */
  otherItems: z.number().int().nonnegative(),
});
export type SubcountSeries = z.infer<typeof SubcountSeriesSchema>;

/**
 * The data-series bundle for one community × year × category (× basis for record categories).
 * Columnar: the dates once, then one array per metric aligned with `dates`.
 *
 * @example
 * bundle.dates[3]            // '2024-01-04'
 * bundle.totals.records?.[3] // records added that day (delta) or held at its end (snapshot)
 */
export const SeriesBundleSchema = z.object({
  schemaVersion: z.literal(1),
  community: z.string(),
  category: z.enum(CATEGORIES),
  basis: z.enum(BASES).nullable(),
  year: z.number().int(),
  /** Every UTC day of the year that has been aggregated, without gaps. */
  dates: z.array(DaySchema),
  /** The last aggregated day (null when nothing is aggregated yet). */
  dataAsOf: DaySchema.nullable(),
  totals: metricArrays,
  subcounts: z.partialRecord(z.enum(FIELD_IDS as [FieldId, ...FieldId[]]), SubcountSeriesSchema),
});
export type SeriesBundle = z.infer<typeof SeriesBundleSchema>;

export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), path: z.string().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const CommunitySchema = z.object({
  id: z.string(),
  slug: z.string().nullable(),
  title: z.string().nullable(),
  restricted: z.boolean(),
  /** Dashboards can be switched off per community; a disabled one gets a message, not a page. */
  enabled: z.boolean(),
  records: z.number().int().nonnegative(),
  firstDay: DaySchema.nullable(),
  lastDay: DaySchema.nullable(),
});
export const CommunitiesResponseSchema = z.object({ communities: z.array(CommunitySchema) });
export type Community = z.infer<typeof CommunitySchema>;

export const TopRecordsResponseSchema = z.object({
  metric: z.enum(['views', 'downloads']),
  start: DaySchema,
  end: DaySchema,
  records: z.array(
    z.object({ id: z.string(), title: z.string().nullable(), value: z.number(), uniqueVisitors: z.number() }),
  ),
});
export type TopRecordsResponse = z.infer<typeof TopRecordsResponseSchema>;

/**
 * What a top-records request asks (`GET /api/v1/communities/{id}/top-records`): the dashboard's
 * query key (src/api/queries.ts) and the server's query (server/query/topRecords.ts) both extend it.
 */
export interface TopRecordsRequest {
  community: string;
  metric: TopRecordsResponse['metric'];
  start: string;
  end: string;
  limit: number;
  /** Query-API filters; none when empty. */
  filters?: readonly QueryFilter[];
}
