import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Two projects: the server and pure core run in Node; components run in jsdom.
 * File naming decides: `*.test.ts` under server/, src/core, src/layout, src/api, test/ → node;
 * `*.test.tsx` → jsdom.
 */
export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['server/**/*.test.ts', 'src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts', 'stories/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/pg/**', 'test/pack/**', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'stories/**/*.test.tsx'],
          setupFiles: ['./test/setup-dom.ts'],
          // codemirror-json-schema's ESM build uses extensionless imports Node cannot resolve; Vite can.
          server: { deps: { inline: ['codemirror-json-schema'] } },
        },
      },
    ],
  },
});
