import { useState } from 'react';
import type { FieldId } from '../../../core/fields';
import type { MetricId } from '../../../core/metrics';
import type { WidgetOf } from '../../../layout/schema';
import { useSeries } from '../../../data/hooks';
import { layoutLabel, metricName } from '../shared/labels';
import { LoadableView } from '../shared/Loadable';
import { useViewCommon } from '../shared/useViewCommon';
import { TimeSeriesView } from './TimeSeriesView';

/** `time-series` widget: holds the chosen metric and "show separately" field, which decide the request. */
export function TimeSeries({ config }: { config: WidgetOf<'time-series'> }) {
  const common = useViewCommon();
  const [metric, setMetric] = useState<MetricId>(config.metrics[0]!);
  const [separately, setSeparately] = useState<FieldId | null>(null);
  const series = useSeries({ metric, mode: config.mode, filters: config.filters, ...(separately ? { field: separately, topN: config.topN } : {}) });
  const title = layoutLabel(config.title, common) ?? common.t('timeSeries.title', { metric: metricName(common.t, metric) });
  return (
    <LoadableView loadable={series} t={common.t} title={title} height={config.height + 48}>
      {(data) => (
        <TimeSeriesView
          {...common}
          title={title}
          description={layoutLabel(config.description, common)}
          metrics={config.metrics}
          metric={metric}
          onMetricChange={setMetric}
          mode={config.mode}
          chart={config.chart}
          stacked={config.stacked}
          breakdownBy={config.breakdownBy}
          separately={separately}
          onSeparatelyChange={setSeparately}
          height={config.height}
          series={data}
        />
      )}
    </LoadableView>
  );
}
