/**
 * Binds a dashboard store to the page URL: restores the view from the query on start, writes it
 * back with `history.replaceState` on every change (no history spam), and follows back/forward.
 * Only runs in a browser and only when the host turned `urlSync` on.
 */
import type { DashboardState, DashboardStore } from './store';
import { readViewParams, writeViewParams } from './url';

const viewOf = (s: DashboardState) => ({
  range: s.range, granularity: s.granularity, basis: s.basis, comparison: s.comparison, tab: s.tab, views: s.views, filters: s.filters,
});

/** Starts syncing; returns the function that stops it. */
export function syncStoreWithUrl(store: DashboardStore, namespace: string): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const restoreFromUrl = () => store.getState().restore(readViewParams(new URLSearchParams(window.location.search), namespace));
  restoreFromUrl();
  const unsubscribe = store.subscribe((state) => {
    const params = writeViewParams(new URLSearchParams(window.location.search), viewOf(state), namespace);
    const search = params.toString();
    const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      window.history.replaceState(window.history.state, '', url);
    }
  });
  window.addEventListener('popstate', restoreFromUrl);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', restoreFromUrl);
  };
}
