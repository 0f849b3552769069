/**
 * Dev server and demo page. `npm run dev` serves demo/ with /api proxied to the repostats server
 * on 127.0.0.1:8080 (start it with `npm run demo` or `repostats serve`); `npm run build:demo-page`
 * builds demo/ to server/dist/demo, which the API server serves at `/` (and the
 * repostats-server package ships).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { semanticCssPlugin } from './scripts/semantic/semanticCss';

export default defineConfig({
  root: resolve(import.meta.dirname, 'demo'),
  plugins: [react(), semanticCssPlugin()],
  publicDir: false,
  base: '/',
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  build: {
    outDir: resolve(import.meta.dirname, 'server/dist/demo'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
