/**
 * A widget that draws a chart: frame + chart, or the same data as an accessible table, plus
 * exports (CSV/JSON of the table, PNG of the live chart, SVG re-rendered offscreen).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ChartOption } from '../../../core/charts/types';
import { Chart } from '../../charts/Chart';
import type { EChartsType } from '../../charts/echarts';
import { chartPngDataUrl, chartSvgString } from '../../charts/exportChart';
import { usePrefersReducedMotion } from '../../charts/usePrefersReducedMotion';
import { echartsTheme } from '../../../theme/echartsTheme';
import type { ThemeTokens } from '../../../theme/tokens';
import { useThemeTokens } from './useThemeTokens';
import { DataTable } from './DataTable';
import { fileSlug } from './labels';
import type { TableModel } from './tableModel';
import type { WidgetT } from './types';
import { useElementWidth } from './useElementWidth';
import { WidgetFrame } from './WidgetFrame';

export interface ChartContext {
  /** Plot width in pixels. */
  widthPx: number;
  /** False when the reader prefers reduced motion. */
  animation: boolean;
  /** The theme as read from the `--rs-` properties around the chart (ECharts cannot read CSS variables). */
  tokens: ThemeTokens;
}

export interface ChartWidgetProps {
  title: string;
  description?: string;
  t: WidgetT;
  controls?: ReactNode;
  /** Builds the option for the current width and motion preference (a pure builder call). */
  buildOption: (ctx: ChartContext) => ChartOption;
  table: TableModel;
  json?: unknown;
  height: number;
  /** Shown under the chart (e.g. why Other is not in the ring). */
  note?: ReactNode;
  /** Leave out the "View as table" toggle (a widget whose own view switch offers a table). */
  noTableToggle?: boolean;
  /** Start hidden (the layout's `collapsed`). */
  initiallyHidden?: boolean;
  /** Start on the table instead of the chart. */
  initialTable?: boolean;
  /** Forces a chart re-theme (theme changes made through the dashboard root are noticed anyway). */
  themeKey?: string;
  className?: string;
  /** Told the `name` and data index of a clicked chart item (a country, a ring slice): the dashboard filters by it. */
  onSelect?: (name: string, dataIndex: number) => void;
}

export function ChartWidget(props: ChartWidgetProps) {
  const { title, t, table, height } = props;
  const bodyRef = useRef<HTMLDivElement>(null);
  const widthPx = useElementWidth(bodyRef);
  const reducedMotion = usePrefersReducedMotion();
  const [showTable, setShowTable] = useState(props.initialTable ?? false);
  const chartRef = useRef<EChartsType | null>(null);
  const tokens = useThemeTokens(bodyRef, props.themeKey);
  // The chart is re-created with the new ECharts theme whenever the CSS theme changes.
  const theme = useMemo(() => echartsTheme(tokens), [tokens]);
  const { buildOption } = props;
  const option = useMemo(
    () => buildOption({ widthPx, animation: !reducedMotion, tokens }),
    [buildOption, widthPx, reducedMotion, tokens],
  );

  const onSelectRef = useRef(props.onSelect);
  useEffect(() => {
    onSelectRef.current = props.onSelect;
  }, [props.onSelect]);
  const onInstance = useCallback((c: EChartsType | null) => {
    chartRef.current = c;
    c?.off('click');
    c?.on('click', (p) => {
      const { name, dataIndex } = p as { name?: unknown; dataIndex?: unknown };
      if (typeof name === 'string' && name !== '') onSelectRef.current?.(name, typeof dataIndex === 'number' ? dataIndex : -1);
    });
  }, []);
  const exports = {
    filename: fileSlug(title),
    table,
    json: props.json,
    png: showTable ? undefined : () => (chartRef.current ? chartPngDataUrl(chartRef.current, { background: tokens.background }) : null),
    svg: () => chartSvgString(option, { width: widthPx, height, theme }),
  };

  return (
    <WidgetFrame
      title={title}
      description={props.description}
      t={t}
      controls={props.controls}
      tableToggle={props.noTableToggle ? undefined : { shown: showTable, onToggle: () => setShowTable((s) => !s) }}
      exports={exports}
      initiallyHidden={props.initiallyHidden}
      className={props.className}
    >
      <div ref={bodyRef}>
        {showTable ? (
          <DataTable model={table} t={t} />
        ) : (
          <Chart option={option} height={height} label={table.caption} theme={theme} onInstance={onInstance} />
        )}
      </div>
      {props.note ? <div className="rs-notes">{props.note}</div> : null}
    </WidgetFrame>
  );
}
