import type { WidgetOf } from '../../../layout/schema';
import { useSeries } from '../../../data/hooks';
import { screenRequests } from '../../../data/layoutQueries';
import { layoutLabel, metricName } from '../shared/labels';
import { LoadableView } from '../shared/Loadable';
import { useViewCommon } from '../shared/useViewCommon';
import { SingleStatView } from './SingleStatView';

/** `single-stat` widget: connects the dashboard's series for one metric to the view. */
export function SingleStat({ config }: { config: WidgetOf<'single-stat'> }) {
  const common = useViewCommon();
  const series = useSeries(screenRequests(config)[0]!);
  const title = layoutLabel(config.title, common) ?? metricName(common.t, config.metric);
  return (
    <LoadableView loadable={series} t={common.t} title={title} height={120}>
      {(data) => (
        <SingleStatView {...common} title={title} description={layoutLabel(config.description, common)} metric={config.metric} mode={config.mode} icon={config.icon} series={data} />
      )}
    </LoadableView>
  );
}
