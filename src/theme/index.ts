export { THEMES, THEME_NAMES, themeVars, readThemeTokens, withHostColors } from './tokens';
export type { ThemeTokens, ThemeName } from './tokens';
export { echartsTheme } from './echartsTheme';
