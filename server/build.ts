/**
 * Builds the repostats-server package (`npm run build:server`, and before `npm pack`):
 * - dist/repostats.js — the CLI and everything it runs, with the shared library modules it
 *   imports from ../src, as plain JavaScript for `node` alone; npm packages stay imports (the
 *   package's dependencies);
 * - dist/eventWorker.js — the demo generator's worker thread, loaded beside it;
 * - dist/demo/ — the demo page `repostats serve` serves (the root's `vite.config.ts`).
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

// A release build whatever the caller's environment: `npm pack` run from a test inherits
// NODE_ENV=test, and Vite would then bundle React's development build into the demo page.
process.env.NODE_ENV = 'production';

const here = import.meta.dirname;
const out = resolve(here, 'dist');

rmSync(out, { recursive: true, force: true });
await esbuild({
  entryPoints: { repostats: resolve(here, 'cli/main.ts'), eventWorker: resolve(here, 'demo/eventWorker.ts') },
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // Dynamic imports stay chunks beside the entries (paths relative to import.meta.url hold), so a
  // DuckDB deployment never loads `pg` and the reverse.
  splitting: true,
  sourcemap: true,
  logLevel: 'warning',
});
await vite({ configFile: resolve(here, '../vite.config.ts'), mode: 'production', logLevel: 'warn' });
