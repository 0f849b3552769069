import type { WidgetOf } from '../../../layout/schema';
import { useCallback } from 'react';
import { useDashboardState, useSeries } from '../../../data/hooks';
import { screenRequests } from '../../../data/layoutQueries';
import { layoutLabel, metricName } from '../shared/labels';
import { LoadableView } from '../shared/Loadable';
import { useViewCommon } from '../shared/useViewCommon';
import { WorldMapView } from './WorldMapView';

/** Every country the aggregation keeps (the bundle's top N); the rest stays an exact Other. */

/** `map` widget: the metric by visitor country on a world choropleth. */
export function WorldMap({ config }: { config: WidgetOf<'map'> }) {
  const common = useViewCommon();
  const series = useSeries(screenRequests(config)[0]!);
  const addFilter = useDashboardState((s) => s.addFilter);
  const onSelect = useCallback((code: string) => addFilter('countries', code), [addFilter]);
  const title = layoutLabel(config.title, common) ?? common.t('map.title', { metric: metricName(common.t, config.metric) });
  return (
    <LoadableView loadable={series} t={common.t} title={title} height={config.height + 48}>
      {(data) => (
        <WorldMapView
          {...common}
          title={title}
          description={layoutLabel(config.description, common)}
          metric={config.metric}
          mode={config.mode}
          height={config.height}
          series={data}
          onSelect={onSelect}
        />
      )}
    </LoadableView>
  );
}
