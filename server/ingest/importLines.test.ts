import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../storage/port';
import { importFile, importLines } from './importLines';
import { formatIssue } from './types';
import { jsonArrayLines } from './lines';
import { freshDb, lines } from './testDb';

let db: SqlEngine;
beforeEach(async () => (db = await freshDb()));
afterEach(async () => db.close());

const view = (visitor: string) => ({ type: 'view', timestamp: '2024-01-02T03:04:05Z', record_id: 'r1', visitor_id: visitor });
const ndjson = (...rows: string[]) => rows.join('\n') + '\n';
const tmp = () => mkdtempSync(join(tmpdir(), 'repostats-import-'));

describe('importLines', () => {
  it('when some lines are bad, then each is reported as file:line: path: message and every good line is imported', async () => {
    const dir = tmp();
    const path = join(dir, 'events.ndjson');
    writeFileSync(
      path,
      ndjson(
        JSON.stringify(view('a')),
        '{"type":"view","timestamp":"yesterday","record_id":"r1","visitor_id":"b"}',
        '',
        '{not json',
        JSON.stringify({ ...view('c'), type: 'click' }),
        JSON.stringify(view('d')),
      ),
    );
    const summary = await importFile(db, { kind: 'events', path });
    expect(summary).toMatchObject({ lines: 5, imported: 2, rejected: 3, skipped: 0 });
    expect(summary.errors.map(formatIssue)).toEqual([
      `${path}:2: timestamp: expected an ISO-8601 date or date-time`,
      expect.stringMatching(new RegExp(`^${path}:4: \\(line\\): invalid JSON`)),
      expect.stringMatching(new RegExp(`^${path}:5: type: `)),
    ]);
    expect(await db.query('SELECT visitor_id FROM events ORDER BY 1')).toEqual([{ visitor_id: 'a' }, { visitor_id: 'd' }]);
  });

  it('when the file is gzip-compressed, then it is read the same as plain NDJSON', async () => {
    const path = join(tmp(), 'events.ndjson.gz');
    writeFileSync(path, gzipSync(ndjson(JSON.stringify(view('a')), JSON.stringify(view('b')))));
    const progress: number[] = [];
    const summary = await importFile(db, { kind: 'events', path, onProgress: (p) => progress.push(p.lines) });
    expect(summary).toMatchObject({ lines: 2, imported: 2, rejected: 0 });
    expect(progress.at(-1)).toBe(2);
  });

  it('when lines come from a JSON array (HTTP API), then they import like file lines', async () => {
    const summary = await importLines(db, { kind: 'events', lines: jsonArrayLines([view('a'), { nope: true }]), source: 'request' });
    expect(summary).toMatchObject({ lines: 2, imported: 1, rejected: 1 });
    expect(summary.errors[0]).toMatchObject({ source: 'request', line: 2, path: 'type' });
  });

  it('when there are more bad lines than the report keeps, then the count stays exact', async () => {
    const bad = Array.from({ length: 150 }, () => '[]');
    const summary = await importLines(db, { kind: 'memberships', lines: bad, source: 's' });
    expect(summary.rejected).toBe(150);
    expect(summary.errors).toHaveLength(100);
    expect(summary.errorsOmitted).toBe(50);
  });

  it('when batches are small, then lines spanning several batches are all imported', async () => {
    const events = Array.from({ length: 25 }, (_, i) => view(`v${i}`));
    const summary = await importLines(db, { kind: 'events', lines: lines(...events), source: 's', batchSize: 7 });
    expect(summary).toMatchObject({ imported: 25, skipped: 0 });
  });

  it('when the same line appears twice in one file, then it is stored once and counted as skipped', async () => {
    const summary = await importLines(db, { kind: 'events', lines: lines(view('a'), view('a')), source: 's' });
    expect(summary).toMatchObject({ lines: 2, imported: 1, skipped: 1 });
  });

  it('when the database refuses one line of a batch, then that line is reported and the rest of the batch is stored', async () => {
    // A real constraint the database enforces and the schemas know nothing of.
    await db.exec('DROP TABLE events');
    await db.exec(`CREATE TABLE events (event_key TEXT PRIMARY KEY, type TEXT NOT NULL, ts TIMESTAMP NOT NULL, day DATE NOT NULL,
      record_id TEXT NOT NULL, file_key TEXT, size BIGINT, visitor_id TEXT NOT NULL CHECK (visitor_id <> 'refused'), session_id TEXT,
      country TEXT, referrer TEXT, is_robot BOOLEAN NOT NULL, ok BOOLEAN NOT NULL)`);
    const events = Array.from({ length: 40 }, (_, i) => view(i === 26 ? 'refused' : `v${i}`));
    const summary = await importLines(db, { kind: 'events', lines: lines(...events), source: 's', batchSize: 16 });
    expect(summary).toMatchObject({ lines: 40, imported: 39, rejected: 1 });
    expect(summary.errors).toEqual([expect.objectContaining({ line: 27, path: '(line)', message: expect.stringMatching(/^could not be stored: .*CHECK/i) })]);
    expect(await db.query('SELECT COUNT(*) AS n FROM events')).toEqual([{ n: 39 }]);
  });
});
