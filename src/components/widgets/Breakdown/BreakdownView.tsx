/**
 * One field × one metric × one mode, as a bar list (name, value, share, a light bar behind), a
 * ring (offered for at most RING_MAX_ITEMS items) or a table — the one component behind every
 * breakdown the reference copied per field. Other is left out of the bars and the ring until the
 * reader shows it (it would dwarf the named items); the table lists it once, on its last page.
 * When items overlap (a record with two subjects counts under both), a note says why the shares
 * add up to more than 100 %.
 */
import { Button } from 'semantic-ui-react';
import { memo, useCallback, useState } from 'react';
import { breakdownOption, breakdownRows, RING_MAX_ITEMS } from '../../../core/charts/breakdown';
import type { FieldId } from '../../../core/fields';
import type { MetricId, Mode } from '../../../core/metrics';
import type { WidgetSeries } from '../../../core/series/types';
import { ChartWidget, type ChartContext } from '../shared/ChartWidget';
import { DataTable } from '../shared/DataTable';
import { fileSlug, metricCompact, metricName, metricValue } from '../shared/labels';
import type { ViewCommon } from '../shared/types';
import { WidgetFrame } from '../shared/WidgetFrame';
import { BarList } from './BarList';
import { breakdownTable } from './breakdownTable';

export type BreakdownViewKind = 'table' | 'bar' | 'pie';

export interface BreakdownViewProps extends ViewCommon {
  title: string;
  description?: string;
  field: FieldId;
  metric: MetricId;
  mode: Mode;
  view: BreakdownViewKind;
  views: BreakdownViewKind[];
  /** Told when the reader switches view (e.g. to keep it in the URL). */
  onViewChange?: (view: BreakdownViewKind) => void;
  pageSize: number;
  searchUrl?: string;
  collapsed: boolean;
  series: WidgetSeries;
  themeKey?: string;
  /** Told the item id when the reader picks an item (the dashboard adds a filter on it). */
  onSelect?: (id: string) => void;
}

export const BreakdownView = memo(function BreakdownView(props: BreakdownViewProps) {
  const { t, format, series, field, metric } = props;
  const [chosenView, setView] = useState<BreakdownViewKind>(props.view);
  const [showOther, setShowOther] = useState(false);
  const [page, setPage] = useState(0);
  const value = metricValue(format, metric);
  const otherLabel = (items: number) => t('common.otherItems', { count: items });
  const rows = breakdownRows(series, {
    item: (i) => format.item(field, i),
    other: otherLabel,
  });
  const named = rows.filter((r) => !r.isOther);
  // A ring of many slices cannot be read: offered only for few items, else the bars stand in.
  const views = props.views.filter((v) => v !== 'pie' || named.length <= RING_MAX_ITEMS);
  const view: BreakdownViewKind = views.includes(chosenView) ? chosenView : views.includes('bar') ? 'bar' : (views[0] ?? 'table');
  const chartRows = showOther ? rows : named;
  const description = t('breakdown.description', {
    metric: metricName(t, metric),
    field: t(`fields.${field}`),
    count: named.length,
    top: named[0]?.name ?? '–',
    value: named[0] ? value(named[0].value) : '–',
  });
  const { onSelect } = props;
  const table = breakdownTable(rows, { caption: description, field, metricName: metricName(t, metric), value, searchUrl: props.searchUrl, t, format, onSelect });
  const other = rows.find((r) => r.isOther);
  const overlapping = rows.reduce((sum, r) => sum + r.value, 0) > series.summary && series.summary > 0;
  const json = { field, metric, mode: props.mode, items: rows.map(({ id, name, value: v, share, isOther }) => ({ id, name, value: v, share, isOther })) };

  const controls = views.length > 1 && (
    <Button.Group basic size="small" compact role="group" aria-label={t('breakdown.view')}>
      {views.map((v) => (
        <Button
          key={v}
          type="button"
          basic
          size="small"
          compact
          toggle
          active={view === v}
          onClick={() => {
            setView(v);
            props.onViewChange?.(v);
          }}
        >
          {t(`breakdown.${v}`)}
        </Button>
      ))}
    </Button.Group>
  );


  const buildOption = useCallback(
    ({ animation, tokens, widthPx }: ChartContext) =>
      breakdownOption({
        rows: chartRows,
        view: view === 'pie' ? 'pie' : 'bar',
        palette: tokens.palette,
        otherColor: tokens.other,
        textColor: tokens.text,
        widthPx,
        percent: format.percent,
        description,
        value,
        axisValue: metricCompact(format, metric),
        animation,
      }),
    // rows/value derive from (series, t, format, metric).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [series, view, showOther, t, format, metric, description],
  );

  // The field's name inside a sentence: `fieldLower` for languages that write common nouns in lower
  // case there (the catalog picks: German keeps `field`).
  const fieldName = t(`fields.${field}`);
  const overlapNote = <p className="rs-note">{t('breakdown.overlapNote', { field: fieldName, fieldLower: fieldName.toLowerCase() })}</p>;
  const notes = (
    <>
      {other && view !== 'table' && (
        <Button type="button" basic size="mini" compact toggle active={showOther} onClick={() => setShowOther((s) => !s)}>
          {t(showOther ? 'breakdown.hideOther' : 'breakdown.showOther', { other: other.name, value: value(other.value) })}
        </Button>
      )}
      {overlapping && overlapNote}
    </>
  );

  const frame = { title: props.title, description: props.description, t, controls, exports: { filename: fileSlug(props.title), table, json }, initiallyHidden: props.collapsed, className: 'rs-breakdown' };
  if (view === 'bar') {
    return (
      <WidgetFrame {...frame}>
        <BarList rows={[...named.slice(0, props.pageSize), ...(showOther && other ? [other] : [])]} label={description} field={field} value={value} format={format} searchUrl={props.searchUrl} onSelect={props.onSelect} selectLabel={(name) => t('breakdown.filterBy', { name })} />
        {named.length > props.pageSize && <p className="rs-note">{t('breakdown.moreInTable', { count: named.length - props.pageSize })}</p>}
        {notes}
      </WidgetFrame>
    );
  }

  if (view === 'table') {
    const pages = Math.max(1, Math.ceil(named.length / props.pageSize));
    const current = Math.min(page, pages - 1);
    // Other closes the list once, on the last page.
    const pinned = current === pages - 1 ? table.rows.filter((r) => r.pinned) : [];
    const shown = { ...table, rows: [...table.rows.filter((r) => !r.pinned).slice(current * props.pageSize, (current + 1) * props.pageSize), ...pinned] };
    return (
      <WidgetFrame {...frame}>
        <DataTable model={shown} t={t} />
        {pages > 1 && (
          <div role="group" className="rs-pager" aria-label={t('breakdown.page', { page: current + 1, pages })}>
            <Button type="button" basic size="small" compact disabled={current === 0} onClick={() => setPage(current - 1)}>
              {t('breakdown.previousPage')}
            </Button>
            <span aria-live="polite">{t('breakdown.page', { page: current + 1, pages })}</span>
            <Button type="button" basic size="small" compact disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
              {t('breakdown.nextPage')}
            </Button>
          </div>
        )}
        {overlapping && overlapNote}
      </WidgetFrame>
    );
  }

  return (
    <ChartWidget
      title={props.title}
      description={props.description}
      t={t}
      controls={controls}
      buildOption={buildOption}
      table={table}
      json={json}
      height={300}
      note={notes}
      noTableToggle={views.includes('table')}
      initiallyHidden={props.collapsed}
      themeKey={props.themeKey}
      className="rs-breakdown"
      // A ring slice filters as its bar-list row does (Other names no item); the table's buttons are the keyboard's way.
      onSelect={onSelect && ((_, i) => chartRows[i] && !chartRows[i].isOther && onSelect(chartRows[i].id))}
    />
  );
});
