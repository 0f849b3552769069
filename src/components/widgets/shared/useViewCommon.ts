import { useCallback, useMemo } from 'react';
import { useFormat, useWidgetT } from '../../../data/hooks';
import type { ViewCommon, WidgetT } from './types';

/** The dashboard's `t` (widgets namespace) and formatter, in the shape views take. */
export function useViewCommon(): ViewCommon {
  const t = useWidgetT();
  const format = useFormat();
  const wt = useCallback<WidgetT>((key, options) => String(t(key, options as never)), [t]);
  return useMemo(() => ({ t: wt, format }), [wt, format]);
}
