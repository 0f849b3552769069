/**
 * Storybook's preview: the shared annotations (toolbar globals, themed wrapper, viewports) plus
 * MSW started with the project's one set of handlers (src/mocks/handlers.ts, shared with Vitest
 * and the dev server). Stories read `globals.theme` / `globals.locale` and pass them on as props.
 */
import type { Preview } from '@storybook/react-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
// What a host gets from `import 'repostats/style.css'` (src/index.ts imports it), plus the widget
// styles for widgets shown on their own, outside the registry that normally brings them.
import 'virtual:repostats-semantic.css';
import '../src/styles/dashboard.css';
import '../src/styles/semantic-theme.css';
import '../src/components/widgets/widgets.css';
import { handlers } from '../src/mocks/handlers';
import { annotations } from './annotations';

const preview: Preview = {
  ...annotations,
  loaders: [
    mswLoader(async () => {
      // Handlers given to setupWorker are the initial ones: they survive the per-story reset.
      const worker = setupWorker(...handlers);
      await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: './mockServiceWorker.js' } });
      return worker;
    }),
  ],
  tags: ['autodocs'],
};

export default preview;
