export { StatsDashboard } from './StatsDashboard';
export type { StatsDashboardProps } from './types';
