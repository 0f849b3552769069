/**
 * `WidgetSeries` for widget stories, built by the dashboard's own transform (`buildWidgetSeries`)
 * from the demo fixtures (real bundles rendered by the real pipeline from the tiny demo
 * repository, `npm run fixtures`), so a widget story shows the numbers the dashboard would.
 */
import type { SeriesBundle } from '../../src/api/schemas';
import { snapRange, yearsIn } from '../../src/core/dates';
import { comparisonRange } from '../../src/core/series/comparison';
import type { FieldId } from '../../src/core/fields';
import { categoryFor, type Category, type MetricId, type Mode } from '../../src/core/metrics';
import { buildWidgetSeries } from '../../src/core/series/build';
import { resolvePreset, DEFAULT_PRESET } from '../../src/core/series/presets';
import type { Comparison, DateRange, Granularity, WidgetSeries } from '../../src/core/series/types';
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

/** The fixture years a range needs (the demo holds one year; others are simply not there). */
function bundlesFor(range: DateRange, metric: MetricId, mode: Mode): SeriesBundle[] {
  const bundle = GLOBAL_BUNDLES[categoryFor(metric, mode)];
  return yearsIn(range).includes(bundle.year) ? [bundle] : [];
}

export function demoSeries({ metric, mode, field, granularity = 'month', comparison = 'none', topN }: DemoSeriesOptions): WidgetSeries {
  const range = resolvePreset(DEFAULT_PRESET[granularity], { today: STORY_TODAY });
  const snapped = snapRange(range, granularity);
  const compareRange = comparison === 'none' ? null : comparisonRange(snapped, comparison, granularity);
  return buildWidgetSeries({
    bundles: bundlesFor(range, metric, mode),
    request: { metric, mode, field, topN },
    range,
    granularity,
    comparison:
      comparison === 'none' || !compareRange
        ? null
        : { kind: comparison, range: compareRange, bundles: bundlesFor(compareRange, metric, mode) },
  });
}
