/**
 * A host application as a frontend team would write one: a page that imports the installed
 * `repostats` package (resolved from the consumer folder's node_modules, never from src/) and
 * renders <StatsDashboard>, built by Vite.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>consumer</title></head>
  <body><div id="root"></div><script type="module" src="./main.js"></script></body>
</html>
`;

const MAIN_JS = `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { StatsDashboard, defaultLayout } from 'repostats';
import 'repostats/style.css';
import 'repostats/semantic.css';

createRoot(document.getElementById('root')).render(
  createElement(StatsDashboard, { apiBase: '/api', community: 'global', layout: defaultLayout, locale: 'en' }),
);
`;

/** Writes the app into `<consumer>/app` and builds it; returns the folder to serve. */
export async function buildConsumerApp(consumer: string): Promise<string> {
  const app = join(consumer, 'app');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'index.html'), INDEX_HTML);
  writeFileSync(join(app, 'main.js'), MAIN_JS);
  const outDir = join(app, 'dist');
  await build({ root: app, configFile: false, publicDir: false, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}
