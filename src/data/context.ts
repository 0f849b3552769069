/**
 * What one mounted dashboard shares with everything inside it. Provided by <StatsDashboard>;
 * every data hook reads it, and throws a clear error when used outside a dashboard.
 */
import { createContext, useContext } from 'react';
import type { Format } from '../i18n/format';
import type { PresetContext } from '../core/series/presets';
import type { DashboardStore } from '../state/store';

export interface DashboardContextValue {
  store: DashboardStore;
  apiBase: string;
  community: string;
  format: Format;
  /** Anchors for presets: today and the community's first day ("all time"). */
  presetContext: PresetContext;
}

export const DashboardContext = createContext<DashboardContextValue | null>(null);

export function useDashboardContext(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error('repostats: data hooks must be used inside <StatsDashboard> (no dashboard context found)');
  return value;
}
