/**
 * Where the built demo page lives: `server/dist/demo` (`npm run build:demo-page`), shipped in the
 * repostats-server package. Both this source file (server/http/) and the build that bundles it
 * (server/dist/repostats.js) sit one folder below the package root, so one relative path serves both.
 */
import { fileURLToPath } from 'node:url';

export const DEMO_PAGE_DIR = fileURLToPath(new URL('../dist/demo/', import.meta.url));
