/**
 * One "server process" for test/pg/multiprocess.test.ts, run as its own Node process:
 *   node --import tsx test/pg/worker.ts ingest URL FIRST COUNT   → imports events FIRST…FIRST+COUNT-1
 *   node --import tsx test/pg/worker.ts lock URL RUNS            → takes withLock('aggregate') RUNS times
 * Prints one JSON line with what it did.
 */
import { openDatabase } from '../../server/storage/open';
import { importLines } from '../../server/ingest/index';

const DAYS = 45;

function* eventLines(first: number, count: number): Iterable<string> {
  for (let i = first; i < first + count; i += 1) {
    const day = new Date(Date.UTC(2024, 0, 1 + (i % DAYS), i % 24, i % 60));
    yield JSON.stringify({
      event_id: `ev-${i}`,
      type: i % 3 === 0 ? 'download' : 'view',
      timestamp: day.toISOString(),
      record_id: `rec-${i % 97}`,
      file_key: i % 3 === 0 ? 'data.csv' : null,
      visitor_id: `visitor-${i % 500}`,
      session_id: `session-${i % 700}`,
      country: 'DE',
    });
  }
}

async function ingest(url: string, first: number, count: number) {
  const db = await openDatabase(url);
  try {
    const summary = await importLines(db, { kind: 'events', lines: eventLines(first, count), source: 'worker', batchSize: 1_000 });
    return { imported: summary.imported, skipped: summary.skipped, rejected: summary.rejected };
  } finally {
    await db.close();
  }
}

async function lock(url: string, runs: number) {
  const db = await openDatabase(url);
  try {
    await db.exec('CREATE TABLE IF NOT EXISTS lock_probe (id INTEGER PRIMARY KEY, active INTEGER NOT NULL, max_seen INTEGER NOT NULL, runs INTEGER NOT NULL)');
    await db.exec('INSERT INTO lock_probe VALUES (1, 0, 0, 0) ON CONFLICT DO NOTHING');
    for (let i = 0; i < runs; i += 1) {
      await db.withLock('aggregate', async () => {
        // Count who is inside at once; with a working lock nobody ever sees more than one.
        await db.exec('UPDATE lock_probe SET active = active + 1, max_seen = GREATEST(max_seen, active + 1), runs = runs + 1 WHERE id = 1');
        await new Promise((r) => setTimeout(r, 20));
        await db.exec('UPDATE lock_probe SET active = active - 1 WHERE id = 1');
      });
    }
    return { runs };
  } finally {
    await db.close();
  }
}

const [mode, url, a, b] = process.argv.slice(2);
const result = mode === 'ingest' ? await ingest(url!, Number(a), Number(b)) : await lock(url!, Number(a));
process.stdout.write(`${JSON.stringify(result)}\n`);
