import { describe, expect, it } from 'vitest';
import { THEMES, readThemeTokens, themeVars } from './tokens';

describe('readThemeTokens', () => {
  it('when the dashboard root carries the dark variables, then the chart reads the dark tokens back', () => {
    const el = document.createElement('div');
    for (const [k, v] of Object.entries(themeVars(THEMES.dark))) el.style.setProperty(k, v);
    document.body.append(el);
    expect(readThemeTokens(el)).toEqual(THEMES.dark);
    el.remove();
  });

  it('when nothing is set, then the fallback theme is used', () => {
    const el = document.createElement('div');
    document.body.append(el);
    expect(readThemeTokens(el, THEMES.light)).toEqual(THEMES.light);
    el.remove();
  });
});
