import { describe, expect, it } from 'vitest';
import { THEMES, THEME_NAMES, themeVars, withHostColors } from './tokens';
import { echartsTheme } from './echartsTheme';

/** WCAG 2 relative luminance contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe.each(THEME_NAMES)('the %s theme', (name) => {
  const t = THEMES[name];
  it.each([
    ['text', t.text, 4.5],
    ['muted text', t.textMuted, 4.5],
    ['rise colour', t.positive, 4.5],
    ['fall colour', t.negative, 4.5],
    ['focus ring', t.focus, 3],
  ])('when %s is drawn on the background, then it meets WCAG contrast', (_label, colour, min) => {
    expect(contrast(colour, t.background)).toBeGreaterThanOrEqual(min);
  });

  it('when turned into CSS variables, then every one is prefixed --rs- and the palette is numbered', () => {
    const vars = themeVars(t);
    for (const key of Object.keys(vars)) expect(key).toMatch(/^--rs-/);
    expect(vars['--rs-color-1']).toBe(t.palette[0]);
    expect(vars['--rs-bg']).toBe(t.background);
  });

  it('when turned into an ECharts theme, then series use the palette and text the text colour', () => {
    const theme = echartsTheme(t) as { color: string[]; textStyle: { color: string } };
    expect(theme.color).toEqual(t.palette);
    expect(theme.textStyle.color).toBe(t.text);
  });
});

describe('withHostColors', () => {
  it('when a host passes two palette colours, then they lead and the theme fills the rest', () => {
    const t = withHostColors(THEMES.light, { palette: ['#111111', '#222222'], focus: '#333333' });
    expect(t.palette.slice(0, 3)).toEqual(['#111111', '#222222', THEMES.light.palette[2]]);
    expect(t.palette).toHaveLength(THEMES.light.palette.length);
    expect(t.focus).toBe('#333333');
  });
});
