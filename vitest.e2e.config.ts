import { defineConfig } from 'vitest/config';

/** End-to-end tests: the real server on a loopback port, driven by Debian's Chromium. */
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    globalSetup: ['./test/e2e/global-setup.ts'],
  },
});
