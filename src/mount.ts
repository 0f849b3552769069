/**
 * For pages that are not React apps (server-rendered repository pages): mounts a dashboard into
 * an element with its own React root.
 *
 * @example
 * const dashboard = mountStatsDashboard(document.getElementById('stats')!, { community: 'physics', locale: 'fr' });
 * dashboard.update({ locale: 'de' }); // merges with the current props
 * dashboard.unmount();
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { StatsDashboard } from './components/StatsDashboard/StatsDashboard';
import type { StatsDashboardProps } from './components/StatsDashboard/types';

export interface MountedDashboard {
  /** Re-renders with these props merged over the current ones. */
  update(props: Partial<StatsDashboardProps>): void;
  unmount(): void;
}

export function mountStatsDashboard(element: Element, props: StatsDashboardProps = {}): MountedDashboard {
  const root = createRoot(element);
  let current = props;
  root.render(createElement(StatsDashboard, current));
  return {
    update(next) {
      current = { ...current, ...next };
      root.render(createElement(StatsDashboard, current));
    },
    unmount() {
      root.unmount();
    },
  };
}
