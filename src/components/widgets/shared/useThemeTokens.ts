import { useLayoutEffect, useState, type RefObject } from 'react';
import { readThemeTokens, THEMES, type ThemeTokens } from '../../../theme/tokens';

/**
 * The theme tokens in effect around `ref` (the `--rs-` properties the dashboard root sets), kept
 * current when the root's theme or host colours change: ECharts draws with resolved colours,
 * not CSS variables, so charts must be told.
 */
export function useThemeTokens(ref: RefObject<HTMLElement | null>, key?: string): ThemeTokens {
  const [tokens, setTokens] = useState<ThemeTokens>(THEMES.light);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const next = readThemeTokens(el);
      setTokens((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    };
    update();
    if (typeof MutationObserver === 'undefined') return;
    const root = el.closest('.rs-dashboard') ?? document.documentElement;
    const observer = new MutationObserver(update);
    observer.observe(root, { attributes: true, attributeFilter: ['style', 'class', 'data-theme'] });
    return () => observer.disconnect();
    // `key` (a theme name a story or host passes) forces a re-read when it changes.
  }, [ref, key]);
  return tokens;
}
