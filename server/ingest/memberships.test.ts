import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../storage/port';
import { importLines } from './importLines';
import { freshDb, lines } from './testDb';

let db: SqlEngine;
beforeEach(async () => (db = await freshDb()));
afterEach(async () => db.close());

const NOW = new Date('2025-01-15T12:00:00Z');
const record = (communities: string[], extra: Record<string, unknown> = {}) => ({
  id: 'r1', created: '2022-03-04T05:06:07Z', metadata: { publication_date: '2021' }, parent: { communities: { ids: communities } }, ...extra,
});
const importRecords = (...rs: unknown[]) => importLines(db, { kind: 'records', lines: lines(...rs), source: 'records', now: NOW });
const importMemberships = (...ms: unknown[]) => importLines(db, { kind: 'memberships', lines: lines(...ms), source: 'memberships', now: NOW });
const history = () =>
  db.query('SELECT community_id, action, CAST(date AS TEXT) AS date, source FROM memberships ORDER BY community_id, date, action');

describe('membership history', () => {
  it('when a record first arrives in communities, then each gets an "added" event dated by its creation', async () => {
    await importRecords(record(['c1', 'c2']));
    expect(await history()).toEqual([
      { community_id: 'c1', action: 'added', date: '2022-03-04', source: 'derived' },
      { community_id: 'c2', action: 'added', date: '2022-03-04', source: 'derived' },
    ]);
    expect(await db.query('SELECT community_id FROM communities ORDER BY 1')).toEqual([{ community_id: 'c1' }, { community_id: 'c2' }]);
  });

  it('when a re-imported record moved between communities, then the difference is dated by its update (else the import day)', async () => {
    await importRecords(record(['c1']));
    await importRecords(record(['c2'], { updated: '2024-07-08T00:00:00Z' }));
    await importRecords(record([], { updated: undefined, metadata: { publication_date: '2021', title: 'x' } }));
    expect(await history()).toEqual([
      { community_id: 'c1', action: 'added', date: '2022-03-04', source: 'derived' },
      { community_id: 'c1', action: 'removed', date: '2024-07-08', source: 'derived' },
      { community_id: 'c2', action: 'added', date: '2024-07-08', source: 'derived' },
      { community_id: 'c2', action: 'removed', date: '2025-01-15', source: 'derived' },
    ]);
  });

  it('when explicit events arrive before the record and agree with it, then no derived event is added', async () => {
    await importMemberships({ record_id: 'r1', community_id: 'c1', action: 'added', date: '2023-01-01' });
    await importRecords(record(['c1']));
    expect(await history()).toEqual([{ community_id: 'c1', action: 'added', date: '2023-01-01', source: 'explicit' }]);
  });

  it('when explicit events arrive after the record, then they replace the derived guess for that community only', async () => {
    await importRecords(record(['c1', 'c2']));
    await importMemberships({ record_id: 'r1', community_id: 'c1', action: 'added', date: '2023-06-01T10:00:00Z' });
    expect(await history()).toEqual([
      { community_id: 'c1', action: 'added', date: '2023-06-01', source: 'explicit' },
      { community_id: 'c2', action: 'added', date: '2022-03-04', source: 'derived' },
    ]);
    const dirty = await db.query("SELECT community_id, CAST(day AS TEXT) AS day FROM dirty_days WHERE scope = 'records' AND community_id = 'c1' ORDER BY day");
    expect(dirty[0]).toEqual({ community_id: 'c1', day: '2021-01-01' });
  });

  it('when the explicit history ends outside a community the record is in now, then one derived "added" continues it', async () => {
    await importMemberships(
      { record_id: 'r1', community_id: 'c1', action: 'added', date: '2022-05-01' },
      { record_id: 'r1', community_id: 'c1', action: 'removed', date: '2023-02-01' },
    );
    await importRecords(record(['c1'], { updated: '2024-09-10T00:00:00Z' }));
    expect(await history()).toEqual([
      { community_id: 'c1', action: 'added', date: '2022-05-01', source: 'explicit' },
      { community_id: 'c1', action: 'removed', date: '2023-02-01', source: 'explicit' },
      { community_id: 'c1', action: 'added', date: '2024-09-10', source: 'derived' },
    ]);
  });

  it('when explicit events name a record never imported, then they are kept as its history', async () => {
    const summary = await importMemberships({ record_id: 'ghost', community_id: 'c9', action: 'added', date: '2020-01-01' });
    expect(summary).toMatchObject({ imported: 1, rejected: 0 });
    expect(await db.query('SELECT record_id, community_id FROM memberships')).toEqual([{ record_id: 'ghost', community_id: 'c9' }]);
  });

  it('when the same membership file is imported twice, then the second import stores nothing', async () => {
    const event = { record_id: 'r1', community_id: 'c1', action: 'added', date: '2023-01-01' };
    await importMemberships(event);
    expect(await importMemberships(event)).toMatchObject({ imported: 0, skipped: 1 });
    expect(await history()).toHaveLength(1);
  });

  it('when a membership event has a bad action, then it is rejected with its path', async () => {
    const summary = await importMemberships({ record_id: 'r1', community_id: 'c1', action: 'joined', date: '2023-01-01' });
    expect(summary.rejected).toBe(1);
    expect(summary.errors[0]).toMatchObject({ source: 'memberships', line: 1, path: 'action' });
  });

  it("when the reference's stats-community-events documents arrive (hits or bare), then each becomes an explicit event on its event_date", async () => {
    const reference = (source: Record<string, unknown>) => ({ _index: 'stats-community-events-2023', _id: 'x', _source: source });
    const summary = await importMemberships(
      reference({
        timestamp: '2023-01-01T00:00:00', record_id: 'r1', community_id: 'c1', event_type: 'added', event_date: '2023-01-05T00:00:00',
        record_created_date: '2022-03-04T05:06:07', record_published_date: '2021-01-01', is_deleted: false, deleted_date: null,
        updated_timestamp: '2023-01-01T00:00:00',
      }),
      { record_id: 'r1', community_id: 'c1', event_type: 'removed', event_date: '2023-08-09', record_published_date: '2021' },
      reference({ record_id: 'r1', community_id: 'c1', event_type: 'moved', event_date: '2023-09-01' }),
      { record_id: 'r1', community_id: 'c2', event_type: 'added', event_date: 'last week' },
    );
    expect(summary).toMatchObject({ lines: 4, imported: 2, rejected: 2 });
    expect(summary.errors.map((e) => [e.line, e.path])).toEqual([[3, 'event_type'], [4, 'event_date']]);
    expect(await history()).toEqual([
      { community_id: 'c1', action: 'added', date: '2023-01-05', source: 'explicit' },
      { community_id: 'c1', action: 'removed', date: '2023-08-09', source: 'explicit' },
    ]);
  });
});
