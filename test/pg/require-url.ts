/** Global setup for vitest.pg.config.ts: no PostgreSQL URL, no run (never a silent skip). */
export default function requirePgUrl(): void {
  if (!process.env.REPOSTATS_TEST_PG_URL) {
    throw new Error('REPOSTATS_TEST_PG_URL is not set: run `npm run test:pg`, which starts PostgreSQL (scripts/with-pg.sh)');
  }
}
