import type { WidgetOf } from '../../../layout/schema';
import { useTopRecords } from '../../../data/hooks';
import { layoutLabel } from '../shared/labels';
import { LoadableView } from '../shared/Loadable';
import { useViewCommon } from '../shared/useViewCommon';
import { TopRecordsView } from './TopRecordsView';

/** `top-records` widget: served by the companion server for the dashboard's range. */
export function TopRecords({ config }: { config: WidgetOf<'top-records'> }) {
  const common = useViewCommon();
  const records = useTopRecords({ metric: config.metric, limit: config.limit });
  const title = layoutLabel(config.title, common) ?? common.t(`topRecords.titles.${config.metric}`);
  return (
    <LoadableView loadable={records} t={common.t} title={title} height={32 * config.limit + 64}>
      {(data) => (
        <TopRecordsView {...common} title={title} description={layoutLabel(config.description, common)} data={data} recordUrl={config.recordUrl} />
      )}
    </LoadableView>
  );
}
