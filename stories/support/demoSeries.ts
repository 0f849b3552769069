/**
 * `WidgetSeries` for widget stories, built by the dashboard's own data path (`seriesPlan`: the
 * widget's queries, answered by the mock query API from the demo fixtures, real bundles rendered
 * by the real pipeline from the tiny demo repository, `npm run fixtures`), so a widget story
 * shows the numbers the dashboard would.
 */
import type { QueryRequest } from '../../src/api/query';
import type { SeriesBundle } from '../../src/api/schemas';
import { snapRange } from '../../src/core/dates';
import type { FieldId } from '../../src/core/fields';
import type { Category, MetricId, Mode } from '../../src/core/metrics';
import { resolvePreset, DEFAULT_PRESET } from '../../src/core/series/presets';
import type { Comparison, Granularity, WidgetSeries } from '../../src/core/series/types';
import { seriesPlan } from '../../src/data/seriesPlan';
import { answerFromBundles, categoryOfQuery } from '../../src/mocks/queryAnswer';
import { SeriesBundleSchema } from '../../src/api/schemas';
import recordDelta from '../../src/mocks/fixtures/global.record-delta.added.2025.json';
import recordSnapshot from '../../src/mocks/fixtures/global.record-snapshot.added.2025.json';
import usageDelta from '../../src/mocks/fixtures/global.usage-delta.2025.json';
import usageSnapshot from '../../src/mocks/fixtures/global.usage-snapshot.2025.json';

/** The demo's last day: stories are pinned to it so their numbers never change between runs. */
export const STORY_TODAY = '2025-12-31';

/** The global community's bundles, parsed by the shared schema as the dashboard does on arrival. */
const GLOBAL_BUNDLES: Record<Category, SeriesBundle> = {
  'record-delta': SeriesBundleSchema.parse(recordDelta),
  'record-snapshot': SeriesBundleSchema.parse(recordSnapshot),
  'usage-delta': SeriesBundleSchema.parse(usageDelta),
  'usage-snapshot': SeriesBundleSchema.parse(usageSnapshot),
};

export interface DemoSeriesOptions {
  metric: MetricId;
  mode: Mode;
  field?: FieldId;
  granularity?: Granularity;
  comparison?: Comparison;
  topN?: number;
}

export function demoSeries({ metric, mode, field, granularity = 'month', comparison = 'none', topN }: DemoSeriesOptions): WidgetSeries {
  const range = snapRange(resolvePreset(DEFAULT_PRESET[granularity], { today: STORY_TODAY }), granularity);
  const plan = seriesPlan({ community: 'global', range, granularity, basis: 'added', comparison, filters: [] }, { metric, mode, field, topN });
  const context = { today: STORY_TODAY, firstDay: `${GLOBAL_BUNDLES['record-delta'].year}-01-01` };
  const answer = (q: QueryRequest) => answerFromBundles(q, [GLOBAL_BUNDLES[categoryOfQuery(q)]], context);
  const series = plan.build(answer(plan.main), plan.total ? answer(plan.total) : undefined);
  if (series === 'empty') throw new Error(`the demo fixtures hold no ${metric} for ${range.start}..${range.end}`);
  return series;
}
