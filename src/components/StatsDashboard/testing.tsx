/**
 * Test helpers for the dashboard shell: a widget registry whose widgets print what the data hooks
 * give them (status, periods, summary, comparison), so tests read what a widget would receive.
 * Only for tests and stories; the shipped dashboard uses the real `WIDGETS`.
 */
import type { WidgetOf, WidgetType } from '../../layout/schema';
import { useSeries, useTopRecords } from '../../data/hooks';
import type { WidgetRegistry } from '../grid/registry';
import type { SeriesRequest } from '../../core/series/types';

function SeriesProbe({ id, request }: { id: string; request: SeriesRequest }) {
  const s = useSeries(request);
  const text =
    s.status === 'success'
      ? `periods=${s.data.periods.length} first=${s.data.periods[0]} summary=${s.data.summary} cmp=${s.data.comparison?.summary ?? 'none'} items=${s.data.breakdown?.items.map((i) => i.id).join('|') ?? ''}`
      : s.status;
  return (
    <div data-testid={id}>
      {text}
      {s.status === 'error' && (
        <button type="button" onClick={s.retry}>
          retry {id}
        </button>
      )}
    </div>
  );
}

const probe = <T extends WidgetType>(toRequest: (c: WidgetOf<T>) => SeriesRequest | null) =>
  function Probe({ config }: { config: WidgetOf<T> }) {
    const request = toRequest(config);
    return request ? <SeriesProbe id={config.id ?? config.type} request={request} /> : <div data-testid={config.id}>{config.type}</div>;
  };

function TopRecordsProbe({ config }: { config: WidgetOf<'top-records'> }) {
  const s = useTopRecords({ metric: config.metric, limit: config.limit });
  return <div data-testid={config.id}>{s.status === 'success' ? `records=${s.data.records.length}` : s.status}</div>;
}

export const PROBE_WIDGETS: WidgetRegistry = {
  'single-stat': probe<'single-stat'>((c) => ({ metric: c.metric, mode: c.mode })),
  'time-series': probe<'time-series'>((c) => ({ metric: c.metrics[0]!, mode: c.mode })),
  breakdown: probe<'breakdown'>((c) => ({ metric: c.metric, mode: c.mode, field: c.field, topN: 2 })),
  map: probe<'map'>((c) => ({ metric: c.metric, mode: c.mode, field: 'countries' })),
  'top-records': TopRecordsProbe,
  table: probe<'table'>((c) => ({ metric: c.metrics[0]!, mode: c.mode, field: c.field })),
  text: probe<'text'>(() => null),
};
