/**
 * A single figure: compact number (exact value on hover and focus), its mode, and the change
 * against the comparison period shown by arrow, sign and words as well as colour.
 */
import { memo, useId } from 'react';
import type { MetricId, Mode } from '../../../core/metrics';
import type { WidgetSeries } from '../../../core/series/types';
import { Hint } from '../../Hint/Hint';
import { WidgetFrame } from '../shared/WidgetFrame';
import { metricCompact, metricName, metricValue, fileSlug } from '../shared/labels';
import type { TableModel } from '../shared/tableModel';
import type { ViewCommon } from '../shared/types';
import { changeVersus } from './change';

export interface SingleStatViewProps extends ViewCommon {
  title: string;
  description?: string;
  metric: MetricId;
  mode: Mode;
  series: WidgetSeries;
  /** A Fomantic/Semantic UI icon name (`'file'`, `'chart area'`; Fomantic names, e.g. not `'chart line'`), decorative. */
  icon?: string;
}

const ARROWS = { up: '▲', down: '▼', flat: '=' } as const;

export const SingleStatView = memo(function SingleStatView({ title, description, metric, mode, series, icon, t, format }: SingleStatViewProps) {
  const exactId = useId();
  const exact = metricValue(format, metric)(series.summary);
  const compact = metricCompact(format, metric)(series.summary);
  const cmp = series.comparison;
  const change = cmp ? changeVersus(series.summary, cmp.summary) : null;
  const comparisonName = cmp ? t(`singleStat.${cmp.kind}`) : '';

  const table: TableModel = {
    caption: title,
    columns: [
      { key: 'metric', header: metricName(t, metric) },
      { key: 'value', header: t('common.value'), numeric: true },
      ...(cmp ? [{ key: 'comparison', header: t(`comparison.${cmp.kind}`), numeric: true }] : []),
    ],
    rows: [
      {
        key: 'value',
        cells: [
          { raw: t(`modes.${mode}`) },
          { raw: series.summary, display: exact },
          ...(cmp ? [{ raw: cmp.summary, display: metricValue(format, metric)(cmp.summary) }] : []),
        ],
      },
    ],
  };

  return (
    <WidgetFrame
      title={title}
      description={description}
      t={t}
      exports={{ filename: fileSlug(title), table, json: { metric, mode, value: series.summary, comparison: cmp } }}
      className="rs-single-stat"
    >
      <p className="rs-stat-value">
        {icon && <i className={`rs-stat-icon ${icon} icon`} aria-hidden="true" />}
        {/* Focusable so keyboard readers can reach the exact value too (its description). */}
        <Hint content={t('singleStat.exact', { value: exact })}>
          <data value={series.summary} tabIndex={0} aria-describedby={exactId}>
            {compact}
          </data>
        </Hint>
        <span id={exactId} className="rs-visually-hidden">
          {t('singleStat.exact', { value: exact })}
        </span>
      </p>
      <p className="rs-note">{t(`modes.${mode}`)}</p>
      {change && change.direction === 'noBase' && (
        <p className="rs-change rs-change-flat">{t('singleStat.noBase', { comparison: comparisonName })}</p>
      )}
      {change && change.direction !== 'noBase' && (
        <p className={`rs-change rs-change-${change.direction}`}>
          <span aria-hidden="true">
            {ARROWS[change.direction]} {change.direction === 'up' ? '+' : change.direction === 'down' ? '−' : ''}
            {format.percent(change.fraction)}
          </span>
          <span className="rs-visually-hidden">
            {t(`singleStat.${change.direction}`, { percent: format.percent(change.fraction), comparison: comparisonName })}
          </span>
        </p>
      )}
    </WidgetFrame>
  );
});
