import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDuckDb } from '../storage/duckdb';
import { migrate } from '../storage/migrate';
import type { SqlEngine } from '../storage/port';
import { countedEventsSql } from './counting';

interface E {
  key: string;
  type?: 'view' | 'download';
  ts: string;
  record?: string;
  file?: string | null;
  visitor?: string;
  robot?: boolean;
  ok?: boolean;
}

let db: SqlEngine;
beforeEach(async () => {
  db = await openDuckDb(':memory:');
  await migrate(db);
});
afterEach(async () => db.close());

async function insert(events: E[]): Promise<void> {
  await db.insertMany(
    'events',
    ['event_key', 'type', 'ts', 'day', 'record_id', 'file_key', 'size', 'visitor_id', 'session_id', 'country', 'referrer', 'is_robot', 'ok'],
    events.map((e) => [
      e.key, e.type ?? 'view', e.ts, e.ts.slice(0, 10), e.record ?? 'r1', e.file ?? null, null,
      e.visitor ?? 'v1', 's', null, null, e.robot ?? false, e.ok ?? true,
    ]),
  );
}

async function counted(from: string, to: string): Promise<string[]> {
  const rows = await db.query<{ event_key: string }>(`SELECT event_key FROM (${countedEventsSql({ from, to })}) c ORDER BY event_key`);
  return rows.map((r) => r.event_key);
}

describe('countedEventsSql', () => {
  it.each([
    ['when two views of a record are 31 s apart, then both count', [0, 31], ['a', 'b']],
    ['when two views are exactly 30 s apart, then only the first counts', [0, 30], ['a']],
    ['when two views are 10 s apart, then only the first counts', [0, 10], ['a']],
    ['when views chain every 20 s for a minute, then the chain counts once', [0, 20, 40, 60], ['a']],
    ['when a chain breaks with a 31 s gap, then the next request counts again', [0, 20, 51, 60], ['a', 'c']],
  ])('%s', async (_name, offsets, expected) => {
    const base = Date.parse('2024-03-01T12:00:00Z');
    await insert(offsets.map((s, i) => ({ key: 'abcd'[i]!, ts: new Date(base + s * 1000).toISOString() })));
    expect(await counted('2024-03-01', '2024-03-01')).toEqual(expected);
  });

  it('when different visitors, records or types are involved within 30 s, then each counts', async () => {
    await insert([
      { key: 'a', ts: '2024-03-01T12:00:00Z' },
      { key: 'b', ts: '2024-03-01T12:00:05Z', visitor: 'v2' },
      { key: 'c', ts: '2024-03-01T12:00:06Z', record: 'r2' },
      { key: 'd', ts: '2024-03-01T12:00:07Z', type: 'download', file: 'f.pdf' },
    ]);
    expect(await counted('2024-03-01', '2024-03-01')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('when a visitor downloads two files of one record within 30 s, then both count; the same file twice counts once', async () => {
    await insert([
      { key: 'a', type: 'download', file: 'one.pdf', ts: '2024-03-01T12:00:00Z' },
      { key: 'b', type: 'download', file: 'two.csv', ts: '2024-03-01T12:00:03Z' },
      { key: 'c', type: 'download', file: 'one.pdf', ts: '2024-03-01T12:00:09Z' },
    ]);
    expect(await counted('2024-03-01', '2024-03-01')).toEqual(['a', 'b']);
  });

  it('when an event is flagged as a robot, then it never counts and does not suppress a human one', async () => {
    await insert([
      { key: 'a', ts: '2024-03-01T12:00:00Z', robot: true },
      { key: 'b', ts: '2024-03-01T12:00:10Z' },
      { key: 'c', ts: '2024-03-01T13:00:00Z', robot: true, visitor: 'bot' },
    ]);
    expect(await counted('2024-03-01', '2024-03-01')).toEqual(['b']);
  });

  it('when a request failed (status not 200/304), then it never counts', async () => {
    await insert([
      { key: 'a', ts: '2024-03-01T12:00:00Z', ok: false },
      { key: 'b', ts: '2024-03-01T12:00:10Z' },
      { key: 'c', ts: '2024-03-01T14:00:00Z', ok: false },
    ]);
    expect(await counted('2024-03-01', '2024-03-01')).toEqual(['b']);
  });

  it('when the previous request was 10 s before midnight, then the first request of the range does not count', async () => {
    await insert([
      { key: 'a', ts: '2024-02-29T23:59:55Z' },
      { key: 'b', ts: '2024-03-01T00:00:05Z' },
      { key: 'c', ts: '2024-03-02T00:00:05Z' },
    ]);
    expect(await counted('2024-03-01', '2024-03-01')).toEqual([]);
    expect(await counted('2024-02-29', '2024-03-02')).toEqual(['a', 'c']);
  });

  it('when the days are not YYYY-MM-DD, then it refuses to build SQL', () => {
    expect(() => countedEventsSql({ from: "2024-01-01'; DROP TABLE events; --", to: '2024-01-02' })).toThrow(RangeError);
  });
});
