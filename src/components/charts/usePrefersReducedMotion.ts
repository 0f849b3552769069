import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

/**
 * One MediaQueryList per `matchMedia` function: the snapshot is read on every render of every
 * chart, and a new `matchMedia` call each time showed in profiles of a granularity switch. Keyed by
 * the function so a test (or host) that replaces `window.matchMedia` is still followed.
 */
let cached: { matchMedia: typeof window.matchMedia; list: MediaQueryList } | null = null;

function mediaQuery(): MediaQueryList | null {
  if (typeof window === 'undefined' || !window.matchMedia) return null;
  if (cached?.matchMedia !== window.matchMedia) cached = { matchMedia: window.matchMedia, list: window.matchMedia(QUERY) };
  return cached.list;
}

function subscribe(onChange: () => void): () => void {
  const mql = mediaQuery();
  if (!mql) return () => {};
  mql.addEventListener('change', onChange);
  return () => mql.removeEventListener('change', onChange);
}

/** True when the reader asked the system for less motion; charts then skip their animations. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => mediaQuery()?.matches ?? false, () => false);
}
