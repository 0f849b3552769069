/**
 * The widget registry: layout `type` → component. Typed so that a widget type in the layout
 * schema without a component here fails the build.
 */
import { createElement, type ComponentType } from 'react';
import type { WidgetConfig, WidgetOf, WidgetType } from '../../layout/schema';
import { Breakdown } from './Breakdown';
import { SeriesTable } from './SeriesTable';
import { SingleStat } from './SingleStat';
import { TextBlock } from './TextBlock';
import { TimeSeries } from './TimeSeries';
import { TopRecords } from './TopRecords';
import { WorldMap } from './WorldMap';
import './widgets.css';

export const WIDGETS = {
  'single-stat': SingleStat,
  'time-series': TimeSeries,
  breakdown: Breakdown,
  map: WorldMap,
  'top-records': TopRecords,
  table: SeriesTable,
  text: TextBlock,
} satisfies { [T in WidgetType]: ComponentType<{ config: WidgetOf<T> }> };

/**
 * Renders any widget config with its registered component (the one cast lives here: TypeScript
 * cannot correlate `WIDGETS[config.type]` with `config` across the union).
 */
export function Widget({ config }: { config: WidgetConfig }) {
  const Component = WIDGETS[config.type] as ComponentType<{ config: WidgetConfig }>;
  return createElement(Component, { config });
}
