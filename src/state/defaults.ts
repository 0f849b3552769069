/**
 * The view a dashboard opens with. Its own module (no zustand), so the server can read it when it
 * warms its query cache with what a first dashboard view asks (src/data/layoutQueries.ts).
 */
import type { DashboardView } from './store';

export const DEFAULT_VIEW: DashboardView = {
  range: { kind: 'preset', preset: 'last-12-months' },
  granularity: 'month',
  basis: 'added',
  comparison: 'none',
  tab: null,
  views: {},
  filters: [],
};
