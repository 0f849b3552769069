import { useCallback } from 'react';
import type { WidgetOf } from '../../../layout/schema';
import { useDashboardState, useSeries } from '../../../data/hooks';
import { screenRequests } from '../../../data/layoutQueries';
import { layoutLabel, metricName } from '../shared/labels';
import { LoadableView } from '../shared/Loadable';
import { useViewCommon } from '../shared/useViewCommon';
import { BreakdownView, type BreakdownViewKind } from './BreakdownView';

/** Enough items for every page the reader may open; Other stays exact whatever is cut. */

/** `breakdown` widget: the field's items for the metric; the chosen view is kept in the URL when the widget has an id. */
export function Breakdown({ config }: { config: WidgetOf<'breakdown'> }) {
  const common = useViewCommon();
  const series = useSeries(screenRequests(config)[0]!);
  const stored = useDashboardState((s) => (config.id ? s.views[config.id] : undefined));
  const setView = useDashboardState((s) => s.setView);
  const addFilter = useDashboardState((s) => s.addFilter);
  const field = config.field;
  const onSelect = useCallback((id: string) => addFilter(field, id), [addFilter, field]);
  const view = config.views.includes(stored as BreakdownViewKind) ? (stored as BreakdownViewKind) : config.view;
  // Stable, so the memoised view skips re-rendering when only the dashboard's query state changed.
  const widgetId = config.id;
  const onViewChange = useCallback(
    (v: BreakdownViewKind) => {
      if (widgetId) setView(widgetId, v);
    },
    [widgetId, setView],
  );
  const { t } = common;
  const title =
    layoutLabel(config.title, common) ?? t('breakdown.title', { metric: metricName(t, config.metric), field: t(`fields.${config.field}`) });
  return (
    <LoadableView loadable={series} t={t} title={title} height={240}>
      {(data) => (
        <BreakdownView
          {...common}
          title={title}
          description={layoutLabel(config.description, common)}
          field={config.field}
          metric={config.metric}
          mode={config.mode}
          view={view}
          views={config.views}
          onViewChange={widgetId ? onViewChange : undefined}
          pageSize={config.pageSize}
          searchUrl={config.searchUrl}
          collapsed={config.collapsed}
          series={data}
          onSelect={onSelect}
        />
      )}
    </LoadableView>
  );
}
