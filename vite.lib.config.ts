/**
 * Library build: `npm run build:lib` → dist/lib/index.js (ESM) + dist/lib/repostats.css, then
 * `tsc -p tsconfig.lib.json` → dist/lib/types.
 *
 * Nothing a host already has is bundled: peer dependencies (react, react-dom, echarts) and the
 * package's own dependencies (@tanstack/react-query, zustand, i18next, react-i18next,
 * intl-messageformat, zod, world-atlas…) stay imports, so the host's bundler
 * dedupes them (one React Query, one React) and tree-shakes ECharts from `echarts/core`.
 */
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { layoutJsonSchema } from './src/layout/jsonSchema';
import { semanticCssPlugin } from './scripts/semantic/semanticCss';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
const externals = [...Object.keys(pkg.peerDependencies ?? {}), ...Object.keys(pkg.dependencies ?? {}), 'react/jsx-runtime', 'react-dom/client', 'msw'];
const isExternal = (id: string) => externals.some((name) => id === name || id.startsWith(`${name}/`));

/**
 * External JSON imports (world-atlas' geometry) get `with { type: "json" }`: Node's ESM loader
 * refuses them otherwise, and the library must import cleanly in SSR hosts. The bundler drops
 * the attribute from the source, so it is put back on the output.
 */
const jsonImportAttributes: Plugin = {
  name: 'repostats:json-import-attributes',
  renderChunk(code) {
    return { code: code.replace(/(from\s*["'][^"']+\.json["'])(?!\s*with)/g, '$1 with { type: "json" }'), map: null };
  },
};

/** Publishes the layout JSON Schema beside the code (`repostats/layout.schema.json`). */
const layoutSchemaAsset: Plugin = {
  name: 'repostats:layout-schema',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'layout.schema.json', source: `${JSON.stringify(layoutJsonSchema(), null, 2)}\n` });
  },
};

export default defineConfig({
  plugins: [react(), jsonImportAttributes, layoutSchemaAsset, semanticCssPlugin({ emit: true })],
  // The MSW worker in public/ must not ship in the package.
  publicDir: false,
  build: {
    outDir: 'dist/lib',
    emptyOutDir: false, // layout.schema.json (npm run schema) and types/ live here too
    sourcemap: true,
    target: 'es2022',
    cssCodeSplit: false,
    lib: {
      entry: { index: 'src/index.ts', mocks: 'src/mocks/index.ts' },
      formats: ['es'],
      cssFileName: 'repostats',
    },
    rollupOptions: { external: isExternal },
  },
});
