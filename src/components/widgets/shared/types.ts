/**
 * What every presentational widget view takes besides its data: the widgets-namespace `t`
 * (from `useWidgetT()`) and the dashboard's formatter (from `useFormat()`).
 */
import type { Format } from '../../../core/format/format';

/** i18next `t` bound to the `widgets` namespace (ICU message syntax). */
export type WidgetT = (key: string, options?: Record<string, unknown>) => string;

export type { Format };

export interface ViewCommon {
  t: WidgetT;
  format: Format;
}
