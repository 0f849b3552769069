/**
 * The project annotations that work anywhere, Storybook or Vitest (portable stories): toolbar
 * globals (theme, language), the themed page wrapper and the viewports. Network mocking is added
 * in preview.tsx for the browser; tests use MSW's node server instead.
 */
import type { Decorator, Preview } from '@storybook/react-vite';
import { THEMES, themeVars, type ThemeName } from '../src/theme';
import { LOCALE_ITEMS, STORYBOOK_LOCALES } from '../stories/support/globals';

const withThemeBackground: Decorator = (Story, context) => {
  const theme = (context.globals.theme ?? 'light') as ThemeName;
  const tokens = THEMES[theme];
  // Full-page stories draw edge to edge; the others get a little breathing room.
  const padded = context.parameters.fullPage !== true;
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

export const annotations: Preview = {
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
  parameters: {
    // The themed wrapper pads; Storybook's own padding would leave an unthemed border.
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
    backgrounds: { disable: true },
    viewport: {
      options: {
        // The narrowest screen the dashboard promises to work on.
        phone360: { name: 'Small phone (360 px)', styles: { width: '360px', height: '740px' }, type: 'mobile' },
        phone390: { name: 'Phone (390 px)', styles: { width: '390px', height: '844px' }, type: 'mobile' },
        tablet768: { name: 'Tablet (768 px)', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
        desktop1280: { name: 'Desktop (1280 px)', styles: { width: '1280px', height: '900px' }, type: 'desktop' },
      },
    },
  },
};
