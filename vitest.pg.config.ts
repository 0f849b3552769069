import { defineConfig } from 'vitest/config';

/**
 * Tests that need a PostgreSQL server: `npm run test:pg` starts a throwaway one
 * (scripts/with-pg.sh) and exports REPOSTATS_TEST_PG_URL. Without it the run fails.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/pg/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['./test/pg/require-url.ts'],
  },
});
