/**
 * Storybook for designers (every widget in every state) and site owners (the layout playground).
 * Static build: `npm run build-storybook` (offline, telemetry off) → dist/storybook.
 */
import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)', '../src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', 'msw-storybook-addon'],
  // The MSW service worker (`npx msw init .storybook/public`) must be served from the root.
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
