/**
 * The height each widget type reserves before its data arrives, so skeletons, messages and the
 * loaded widget all take the same room (no layout shift while a dashboard fills in).
 */
import type { WidgetConfig } from '../../layout/schema';

/** Header, toolbar and padding around a chart of configured height. */
const CHROME = 96;

export function reservedHeight(config: WidgetConfig): number {
  switch (config.type) {
    case 'single-stat':
      return 128;
    case 'time-series':
    case 'map':
      return config.height + CHROME;
    case 'breakdown':
      return config.collapsed ? 64 : 420;
    case 'top-records':
      return 120 + config.limit * 40;
    case 'table':
      return 360;
    case 'text':
      return 0;
  }
}
