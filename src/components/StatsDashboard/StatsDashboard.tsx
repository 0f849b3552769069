/**
 * The embeddable dashboard: `<StatsDashboard apiBase="/api" community="global" locale="fr" />`.
 * See `StatsDashboardProps` for every option.
 */
import { WIDGETS } from '../widgets/registry';
import { Dashboard } from './Dashboard';
import type { StatsDashboardProps } from './types';

export function StatsDashboard(props: StatsDashboardProps) {
  return <Dashboard {...props} widgets={WIDGETS} />;
}
