import type { QueryFilter } from '../../../api/query';
import type { ReactNode } from 'react';
import type { FieldId } from '../../../core/fields';
import type { MetricId, Mode } from '../../../core/metrics';
import type { WidgetSeries } from '../../../core/series/types';
import type { WidgetOf } from '../../../layout/schema';
import { useSeries, type Loadable } from '../../../data/hooks';
import { BREAKDOWN_ITEMS } from '../../../data/layoutQueries';
import { layoutLabel, metricName } from '../shared/labels';
import { LoadableView } from '../shared/Loadable';
import { useViewCommon } from '../shared/useViewCommon';
import { SeriesTableView } from './SeriesTableView';


/** `table` widget: the series of any metrics as a sortable table. */
export function SeriesTable({ config }: { config: WidgetOf<'table'> }) {
  const common = useViewCommon();
  const title =
    layoutLabel(config.title, common) ?? common.t('table.title', { metric: config.metrics.map((m) => metricName(common.t, m)).join(', ') });
  return (
    <AllSeries metrics={config.metrics} mode={config.mode} field={config.field} filters={config.filters} loaded={[]}>
      {(loadable) => (
        <LoadableView loadable={loadable} t={common.t} title={title} height={240}>
          {(series) => (
            <SeriesTableView
              {...common}
              title={title}
              description={layoutLabel(config.description, common)}
              metrics={config.metrics}
              mode={config.mode}
              field={config.field}
              series={series}
            />
          )}
        </LoadableView>
      )}
    </AllSeries>
  );
}

interface AllSeriesProps {
  metrics: MetricId[];
  mode: Mode;
  field?: FieldId;
  /** The widget's own layout filters. */
  filters?: readonly QueryFilter[];
  loaded: WidgetSeries[];
  children: (loadable: Loadable<WidgetSeries[]>) => ReactNode;
}

/**
 * Loads one series per metric, one component level per metric: hooks cannot be called in a loop,
 * and the metric list is the widget's own configuration.
 */
function AllSeries({ metrics, mode, field, filters, loaded, children }: AllSeriesProps) {
  const [metric, ...rest] = metrics;
  const loadable = useSeries({ metric: metric!, mode, ...(filters ? { filters } : {}), ...(field ? { field, topN: BREAKDOWN_ITEMS, over: 'range' as const } : {}) });
  if (loadable.status !== 'success') return <>{children(loadable)}</>;
  const all = [...loaded, loadable.data];
  if (rest.length === 0) return <>{children({ status: 'success', data: all })}</>;
  return (
    <AllSeries metrics={rest} mode={mode} field={field} filters={filters} loaded={all}>
      {children}
    </AllSeries>
  );
}
