/**
 * Theme tokens: the one source of the dashboard's colours. They become CSS custom properties
 * prefixed `--rs-` on the dashboard root (`themeVars`), widgets' CSS reads those, and charts read
 * the same properties back from the DOM (`readThemeTokens`) so a host that overrides a property in
 * its own stylesheet recolours HTML and canvas alike.
 *
 * The series palette is Okabe & Ito's, chosen because readers with any common colour-vision
 * deficiency can still tell its colours apart; charts never rely on colour alone anyway.
 */
export interface ThemeTokens {
  /** Series colours, in order. */
  palette: string[];
  /** Colour of the "Other" bucket: neutral so it never reads as one more item. */
  other: string;
  text: string;
  textMuted: string;
  background: string;
  surface: string;
  border: string;
  axis: string;
  gridLine: string;
  positive: string;
  negative: string;
  focus: string;
  /** Choropleth ramp, low → high. */
  mapLow: string;
  mapHigh: string;
  font: string;
}

export const THEME_NAMES = ['light', 'dark'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

// Single quotes: the SVG export writes the font list into a double-quoted style attribute.
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const THEMES: Record<ThemeName, ThemeTokens> = {
  light: {
    palette: ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'],
    other: '#8C8C8C',
    text: '#1B1B1B',
    textMuted: '#595959',
    background: '#FFFFFF',
    surface: '#F6F7F9',
    border: '#D0D4DA',
    axis: '#595959',
    gridLine: '#E4E7EB',
    positive: '#006B3C',
    negative: '#B3261E',
    focus: '#1A5FB4',
    mapLow: '#DCEBF7',
    mapHigh: '#08306B',
    font: FONT,
  },
  dark: {
    palette: ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#F0E442', '#D55E00', '#FFFFFF', '#0072B2'],
    other: '#9E9E9E',
    text: '#ECECEC',
    textMuted: '#B4B4B4',
    background: '#17191C',
    surface: '#22252A',
    border: '#3C4148',
    axis: '#B4B4B4',
    gridLine: '#33373D',
    positive: '#5FD39A',
    negative: '#FF8A80',
    focus: '#8AB4F8',
    mapLow: '#1F3346',
    mapHigh: '#9ECAE1',
    font: FONT,
  },
};

/** Scalar token → CSS custom property name. */
const SCALAR_VARS = {
  other: '--rs-color-other',
  text: '--rs-text',
  textMuted: '--rs-text-muted',
  background: '--rs-bg',
  surface: '--rs-surface',
  border: '--rs-border',
  axis: '--rs-axis',
  gridLine: '--rs-grid-line',
  positive: '--rs-positive',
  negative: '--rs-negative',
  focus: '--rs-focus',
  mapLow: '--rs-map-low',
  mapHigh: '--rs-map-high',
  font: '--rs-font',
} as const satisfies Record<Exclude<keyof ThemeTokens, 'palette'>, `--rs-${string}`>;

const paletteVar = (i: number) => `--rs-color-${i + 1}`;

/**
 * Host overrides: any token, palette entries replace the theme's from the start.
 * @example withHostColors(THEMES.light, { palette: ['#6a1b9a'], focus: '#6a1b9a' })
 */
export function withHostColors(base: ThemeTokens, host: Partial<ThemeTokens> = {}): ThemeTokens {
  const palette = host.palette ? [...host.palette, ...base.palette.slice(host.palette.length)] : base.palette;
  return { ...base, ...host, palette };
}

/** The tokens as CSS custom properties, for the dashboard root's `style`. */
export function themeVars(tokens: ThemeTokens): Record<string, string> {
  const vars: Record<string, string> = {};
  tokens.palette.forEach((c, i) => (vars[paletteVar(i)] = c));
  for (const [key, name] of Object.entries(SCALAR_VARS)) vars[name] = tokens[key as keyof typeof SCALAR_VARS];
  return vars;
}

/** Reads the tokens back from an element's computed style; properties that are unset keep `fallback`. */
export function readThemeTokens(el: Element, fallback: ThemeTokens = THEMES.light): ThemeTokens {
  const style = getComputedStyle(el);
  const read = (name: string, dflt: string) => style.getPropertyValue(name).trim() || dflt;
  const palette = fallback.palette.map((c, i) => read(paletteVar(i), c));
  const tokens = { ...fallback, palette };
  for (const [key, name] of Object.entries(SCALAR_VARS)) {
    const k = key as keyof typeof SCALAR_VARS;
    tokens[k] = read(name, fallback[k]);
  }
  return tokens;
}
