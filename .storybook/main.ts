/**
 * Storybook for designers (every widget in every state) and site owners (the layout playground).
 * Static build: `npm run build-storybook` (offline, telemetry off) → dist/storybook.
 */
import type { StorybookConfig } from '@storybook/react-vite';
import { semanticCssPlugin } from '../scripts/semantic/semanticCss';

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)', '../src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', 'msw-storybook-addon'],
  // The MSW service worker (`npx msw init .storybook/public`) must be served from the root.
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // `import 'virtual:repostats-semantic.css'` (preview.tsx): the scoped Fomantic sheet hosts load as repostats/semantic.css.
  viteFinal: (vite) => ({ ...vite, plugins: [...(vite.plugins ?? []), semanticCssPlugin()] }),
};

export default config;
