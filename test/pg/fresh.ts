/**
 * PostgreSQL for tests: the server started by scripts/with-pg.sh (REPOSTATS_TEST_PG_URL), and a
 * fresh, empty database on it per call so tests never see each other's tables.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';

export function testPgUrl(): string {
  const url = process.env.REPOSTATS_TEST_PG_URL;
  if (!url) {
    // Fail loudly: a PostgreSQL suite that silently skips proves nothing.
    throw new Error('REPOSTATS_TEST_PG_URL is not set: run `npm run test:pg` (scripts/with-pg.sh starts PostgreSQL)');
  }
  return url;
}

/** Create an empty database on the test server; returns its URL. */
export async function freshPgDatabase(prefix = 't'): Promise<string> {
  const admin = new pg.Client({ connectionString: testPgUrl() });
  await admin.connect();
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testPgUrl());
  url.pathname = `/${name}`;
  return url.toString();
}
