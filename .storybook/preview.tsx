/**
 * Global toolbar switches (theme, language), the page background that follows the theme, and
 * MSW started with the project's one set of handlers (src/mocks/handlers.ts, shared with Vitest
 * and the dev server). Stories read `globals.theme` / `globals.locale` and pass them on as props.
 */
import type { Decorator, Preview } from '@storybook/react-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { THEMES, themeVars, type ThemeName } from '../src/theme';
import { LOCALE_ITEMS, STORYBOOK_LOCALES } from '../stories/support/globals';

const withThemeBackground: Decorator = (Story, context) => {
  const theme = (context.globals.theme ?? 'light') as ThemeName;
  const tokens = THEMES[theme];
  // Full-page stories draw edge to edge; the others get a little breathing room.
  const padded = context.parameters.layout !== 'fullscreen';
  return (
    <div
      data-rs-storybook-theme={theme}
      // The tokens as --rs- properties, as the dashboard root sets them, so a widget shown on its
      // own is themed exactly as inside a dashboard.
      style={{ ...themeVars(tokens), background: tokens.background, color: tokens.text, minHeight: '100vh', padding: padded ? 16 : 0, boxSizing: 'border-box' }}
    >
      <Story />
    </div>
  );
};

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Dashboard theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: 'Dashboard language',
      toolbar: { title: 'Language', icon: 'globe', items: LOCALE_ITEMS, dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', locale: STORYBOOK_LOCALES[0] },
  decorators: [withThemeBackground],
  loaders: [
    mswLoader(async () => {
      // TEMPORARY until src/mocks/handlers.ts lands: tolerate its absence.
      const found = import.meta.glob<{ handlers: Parameters<typeof setupWorker> }>('../src/mocks/handlers.ts');
      const load = Object.values(found)[0];
      const handlers = load ? (await load()).handlers : [];
      // Handlers given to setupWorker are the initial ones: they survive the per-story reset.
      const worker = setupWorker(...handlers);
      await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: './mockServiceWorker.js' } });
      return worker;
    }),
  ],
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    backgrounds: { disable: true },
  },
  tags: ['autodocs'],
};

export default preview;
