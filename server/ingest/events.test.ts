import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../storage/port';
import { importLines } from './importLines';
import { freshDb, lines } from './testDb';

let db: SqlEngine;
beforeEach(async () => (db = await freshDb()));
afterEach(async () => db.close());

const importEvents = (...events: unknown[]) => importLines(db, { kind: 'events', lines: lines(...events), source: 'events', salt: 'test-salt' });
const stored = () => db.query('SELECT * EXCLUDE (event_key) FROM events ORDER BY ts');
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0';
const hit = (over: Record<string, unknown> = {}) => ({
  type: 'view', timestamp: '2024-01-02T03:04:05Z', record_id: 'r1', ip: '8.8.8.8', user_agent: FIREFOX, ...over,
});

describe('importing usage events', () => {
  it('when a processed event is imported, then it is stored as given, with a session from date + hour + visitor', async () => {
    await importEvents({ type: 'download', timestamp: '2024-01-02T03:04:05', record_id: 'r1', file_key: 'a.pdf', size: '120', visitor_id: 'v1', country: 'de', referrer: 'https://scholar.google.com/x?q=1' });
    expect(await stored()).toEqual([
      expect.objectContaining({
        type: 'download', ts: '2024-01-02T03:04:05.000Z', day: '2024-01-02', file_key: 'a.pdf', size: 120, visitor_id: 'v1',
        country: 'DE', referrer: 'scholar.google.com', is_robot: false, ok: true, session_id: expect.any(String),
      }),
    ]);
  });

  it('when a processed event has no robot flag but a user agent, then the flag comes from the user agent', async () => {
    const base = { type: 'view', timestamp: '2024-01-02T03:04:05Z', record_id: 'r1', visitor_id: 'v1' };
    await importEvents({ ...base, user_agent: 'Googlebot/2.1 (+http://www.google.com/bot.html)' }, { ...base, visitor_id: 'v2', user_agent: FIREFOX }, { ...base, visitor_id: 'v3' });
    expect((await db.query('SELECT visitor_id, is_robot FROM events ORDER BY 1')).map((r) => r['is_robot'])).toEqual([true, false, false]);
  });

  it('when raw hits are imported, then no IP is stored and visitor, country, robot flag, referrer host and status are derived', async () => {
    await importEvents(
      hit({ referrer: 'https://www.example.org/page?a=1' }),
      hit({ timestamp: '2024-01-02T03:50:00Z' }),
      hit({ timestamp: '2024-01-03T03:04:05Z' }),
      hit({ user_agent: 'Googlebot/2.1 (+http://www.google.com/bot.html)', timestamp: '2024-01-02T05:00:00Z' }),
      hit({ status: 404, timestamp: '2024-01-02T06:00:00Z' }),
      hit({ status: 304, timestamp: '2024-01-02T07:00:00Z' }),
    );
    const rows = await stored();
    expect(JSON.stringify(await db.query('SELECT * FROM events'))).not.toContain('8.8.8.8');
    expect(rows.map((r) => [r['country'], r['is_robot'], r['ok']])).toEqual([
      ['US', false, true], ['US', false, true], ['US', true, true], ['US', false, false], ['US', false, true], ['US', false, true],
    ]);
    expect(rows[0]?.['referrer']).toBe('www.example.org');
    // Same visitor and hour → same session; another hour → another session; another day → a new visitor id (daily rotation).
    expect(rows[0]?.['visitor_id']).toBe(rows[1]?.['visitor_id']);
    expect(rows[0]?.['session_id']).toBe(rows[1]?.['session_id']);
    expect(rows[0]?.['session_id']).not.toBe(rows[4]?.['session_id']);
    expect(rows[5]?.['visitor_id']).not.toBe(rows[0]?.['visitor_id']);
  });

  it('when a raw hit names a user, then the visitor is the user whatever the IP', async () => {
    await importEvents(hit({ user_id: 7 }), hit({ user_id: 7, ip: '1.1.1.1', timestamp: '2024-01-02T03:10:00Z' }));
    const rows = await stored();
    expect(rows[0]?.['visitor_id']).toBe(rows[1]?.['visitor_id']);
  });

  it("when events come in the reference's field names, then they are mapped, typed by index or file key", async () => {
    await importEvents(
      { _index: 'events-stats-file-download-2024-01', _source: { timestamp: '2024-01-02T03:04:05', recid: 'r1', parent_recid: 'p1', visitor_id: 'v1', unique_session_id: 's1', file_key: 'a.pdf', size: 10, is_robot: false, country: 'FR' } },
      { timestamp: '2024-01-02T04:00:00', recid: 'r1', visitor_id: 'v2', unique_session_id: 's2', is_robot: true },
    );
    expect((await stored()).map((r) => [r['type'], r['record_id'], r['visitor_id'], r['session_id'], r['is_robot'], r['country']])).toEqual([
      ['download', 'r1', 'v1', 's1', false, 'FR'],
      ['view', 'r1', 'v2', 's2', true, null],
    ]);
  });

  it('when the same events are imported twice, then the second import stores nothing and marks nothing dirty', async () => {
    const events = [hit(), hit({ timestamp: '2024-01-05T00:00:00Z' }), { type: 'view', timestamp: '2024-01-02T03:04:05Z', record_id: 'r2', visitor_id: 'v' }];
    expect(await importEvents(...events)).toMatchObject({ imported: 3, skipped: 0 });
    expect(await db.query("SELECT community_id, CAST(day AS TEXT) AS day FROM dirty_days WHERE scope = 'usage' ORDER BY day")).toEqual([
      { community_id: '*', day: '2024-01-02' },
      { community_id: '*', day: '2024-01-05' },
    ]);
    await db.exec('DELETE FROM dirty_days');
    expect(await importEvents(...events)).toMatchObject({ imported: 0, skipped: 3 });
    expect(await db.query('SELECT count(*) AS n FROM events')).toEqual([{ n: 3 }]);
    expect(await db.query('SELECT count(*) AS n FROM dirty_days')).toEqual([{ n: 0 }]);
  });

  it('when a record arrives after its events, then usage is dirty from its earliest event day', async () => {
    await importEvents(hit({ timestamp: '2024-02-03T00:00:00Z' }), hit({ timestamp: '2024-01-09T00:00:00Z' }));
    await db.exec('DELETE FROM dirty_days');
    await importLines(db, { kind: 'records', lines: lines({ id: 'r1', created: '2023-01-01', parent: { communities: { ids: ['c1'] } } }), source: 'r' });
    expect(await db.query("SELECT community_id, CAST(day AS TEXT) AS day FROM dirty_days WHERE scope = 'usage' ORDER BY 1")).toEqual([
      { community_id: 'c1', day: '2024-01-09' },
      { community_id: 'global', day: '2024-01-09' },
    ]);
  });
});

describe('usage dirt from record changes', () => {
  const rec = (languages: string[], title = 'T', updated?: string) => ({
    id: 'r1', created: '2023-01-01', updated, parent: { communities: { ids: ['c1'] } }, metadata: { title, languages: languages.map((id) => ({ id })) },
  });
  const usageDirt = () => db.query("SELECT community_id, CAST(day AS TEXT) AS day FROM dirty_days WHERE scope = 'usage' ORDER BY 1");

  it("when a record's subcount items change, then its usage is dirty from the change (not before its first event); a title edit leaves usage alone", async () => {
    await importLines(db, { kind: 'records', lines: lines(rec(['eng'], 'T', '2023-01-01T00:00:00Z')), source: 'r' });
    await importEvents(hit({ timestamp: '2024-01-09T00:00:00Z' }));
    await db.exec('DELETE FROM dirty_days');
    await importLines(db, { kind: 'records', lines: lines(rec(['eng'], 'Another title', '2023-06-01T00:00:00Z')), source: 'r' });
    expect(await usageDirt()).toEqual([]);
    await importLines(db, { kind: 'records', lines: lines(rec(['fra'], 'Another title', '2023-07-01T00:00:00Z')), source: 'r' });
    expect(await usageDirt()).toEqual([
      { community_id: 'c1', day: '2024-01-09' },
      { community_id: 'global', day: '2024-01-09' },
    ]);
    await db.exec('DELETE FROM dirty_days');
    // Changed after the event: the event keeps 'fra', so only the days from the change are dirty.
    await importLines(db, { kind: 'records', lines: lines(rec(['deu'], 'Another title', '2024-02-03T10:00:00Z')), source: 'r' });
    expect(await usageDirt()).toEqual([
      { community_id: 'c1', day: '2024-02-03' },
      { community_id: 'global', day: '2024-02-03' },
    ]);
  });
});
