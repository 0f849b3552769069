/**
 * `WidgetSeries` for widget stories, built by the real pipeline transform (`buildWidgetSeries`)
 * from the same bundles the MSW handlers serve, so a widget story shows what the dashboard would.
 */
import type { SeriesBundle } from '../../src/api/schemas';
import { snapRange, yearsIn } from '../../src/core/dates';
import { comparisonRange } from '../../src/core/series/comparison';
import type { FieldId } from '../../src/core/fields';
import { categoryFor, type MetricId, type Mode } from '../../src/core/metrics';
import { buildWidgetSeries } from '../../src/core/series/build';
import { resolvePreset, DEFAULT_PRESET } from '../../src/core/series/presets';
import type { Comparison, DateRange, Granularity, WidgetSeries } from '../../src/core/series/types';
import { mockBundle } from '../../src/mocks/bundles';

/** Stories are pinned to one day so their numbers never change between runs. */
export const STORY_TODAY = '2025-06-30';

export interface DemoSeriesOptions {
  metric: MetricId;
  mode: Mode;
  field?: FieldId;
  granularity?: Granularity;
  comparison?: Comparison;
  community?: string;
  topN?: number;
}

function bundlesFor(range: DateRange, metric: MetricId, mode: Mode, community: string): SeriesBundle[] {
  const category = categoryFor(metric, mode);
  return yearsIn(range).map((year) => mockBundle({ community, category, year, basis: 'added', today: STORY_TODAY }));
}

export function demoSeries({ metric, mode, field, granularity = 'month', comparison = 'none', community = 'global', topN }: DemoSeriesOptions): WidgetSeries {
  const range = resolvePreset(DEFAULT_PRESET[granularity], { today: STORY_TODAY });
  const snapped = snapRange(range, granularity);
  const compareRange = comparison === 'none' ? null : comparisonRange(snapped, comparison, granularity);
  return buildWidgetSeries({
    bundles: bundlesFor(range, metric, mode, community),
    request: { metric, mode, field, topN },
    range,
    granularity,
    comparison:
      comparison === 'none' || !compareRange
        ? null
        : { kind: comparison, range: compareRange, bundles: bundlesFor(compareRange, metric, mode, community) },
  });
}
