import { defineConfig } from 'vitest/config';

/** The package test: both packages packed, installed into empty folders and run from there. */
export default defineConfig({
  test: {
    name: 'pack',
    environment: 'node',
    include: ['test/pack/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
