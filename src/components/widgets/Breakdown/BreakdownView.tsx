/**
 * One field × one metric × one mode, as a table (count and share), bars, or a ring — the one
 * component behind every breakdown the reference copied per field. An Other larger than all
 * named items is left out of the ring with a note (bars and table keep it).
 */
import { Button } from 'semantic-ui-react';
import { memo, useCallback, useState } from 'react';
import { breakdownOption, breakdownRows, otherDwarfsItems } from '../../../core/charts/breakdown';
import type { FieldId } from '../../../core/fields';
import type { MetricId, Mode } from '../../../core/metrics';
import type { WidgetSeries } from '../../../core/series/types';
import { ChartWidget, type ChartContext } from '../shared/ChartWidget';
import { DataTable } from '../shared/DataTable';
import { fileSlug, metricCompact, metricName, metricValue } from '../shared/labels';
import type { ViewCommon } from '../shared/types';
import { WidgetFrame } from '../shared/WidgetFrame';
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
}

export const BreakdownView = memo(function BreakdownView(props: BreakdownViewProps) {
  const { t, format, series, field, metric } = props;
  const [view, setView] = useState<BreakdownViewKind>(props.view);
  const [collapsed, setCollapsed] = useState(props.collapsed);
  const [page, setPage] = useState(0);
  const value = metricValue(format, metric);
  const otherLabel = (items: number) => t('common.otherItems', { count: items });
  const rows = breakdownRows(series, {
    item: (i) => format.item(field, i),
    other: otherLabel,
  });
  const named = rows.filter((r) => !r.isOther);
  const description = t('breakdown.description', {
    metric: metricName(t, metric),
    field: t(`fields.${field}`),
    count: named.length,
    top: named[0]?.name ?? '–',
    value: named[0] ? value(named[0].value) : '–',
  });
  const table = breakdownTable(rows, { caption: description, field, metricName: metricName(t, metric), value, searchUrl: props.searchUrl, t, format });
  const dwarfs = otherDwarfsItems(rows);
  const other = rows.find((r) => r.isOther);
  const json = { field, metric, mode: props.mode, items: rows.map(({ id, name, value: v, share, isOther }) => ({ id, name, value: v, share, isOther })) };

  const controls = (
    <>
      {!collapsed && props.views.length > 1 && (
        <Button.Group basic size="small" compact role="group" aria-label={t('breakdown.view')}>
          {props.views.map((v) => (
            <Button key={v} type="button" basic size="small" compact aria-pressed={view === v} active={view === v} onClick={() => {
                setView(v);
                props.onViewChange?.(v);
              }}>
              {t(`breakdown.${v}`)}
            </Button>
          ))}
        </Button.Group>
      )}
      <Button type="button" basic size="small" compact aria-expanded={!collapsed} onClick={() => setCollapsed((c) => !c)}>
        {t(collapsed ? 'breakdown.expand' : 'breakdown.collapse', { title: props.title })}
      </Button>
    </>
  );

  const buildOption = useCallback(
    ({ animation, tokens, widthPx }: ChartContext) =>
      breakdownOption({
        rows,
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
    [series, view, t, format, metric, description],
  );

  if (collapsed || view === 'table') {
    const pages = Math.max(1, Math.ceil(named.length / props.pageSize));
    const current = Math.min(page, pages - 1);
    const shown = { ...table, rows: [...table.rows.filter((r) => !r.pinned).slice(current * props.pageSize, (current + 1) * props.pageSize), ...table.rows.filter((r) => r.pinned)] };
    return (
      <WidgetFrame title={props.title} description={props.description} t={t} controls={controls} exports={{ filename: fileSlug(props.title), table, json }} className="rs-breakdown">
        {!collapsed && (
          <>
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
          </>
        )}
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
      height={Math.max(220, view === 'bar' ? 28 * rows.length + 32 : 300)}
      note={view === 'pie' && dwarfs && other ? t('breakdown.otherNote', { other: other.name, value: value(other.value) }) : undefined}
      themeKey={props.themeKey}
      className="rs-breakdown"
    />
  );
});
