/** The toolbar's languages: the ones the dashboard ships catalogs for. */
export const STORYBOOK_LOCALES = ['en', 'fr', 'de', 'es'] as const;
export type StorybookLocale = (typeof STORYBOOK_LOCALES)[number];

export const LOCALE_ITEMS = [
  { value: 'en', title: 'English' },
  { value: 'fr', title: 'Français' },
  { value: 'de', title: 'Deutsch' },
  { value: 'es', title: 'Español' },
];

/** Narrow Storybook's untyped globals to what our stories use. */
export function storyGlobals(globals: Record<string, unknown>): { theme: 'light' | 'dark'; locale: StorybookLocale } {
  const theme = globals.theme === 'dark' ? 'dark' : 'light';
  const locale = (STORYBOOK_LOCALES as readonly string[]).includes(String(globals.locale)) ? (globals.locale as StorybookLocale) : 'en';
  return { theme, locale };
}
