import { isbot } from 'isbot';
import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate';
import type { DemoEvent, ProcessedEvent, RawHit } from './events';

const demo = generateDemo({ size: 'tiny', seed: 11, endDate: '2026-06-30' });
type Rec = {
  id: string;
  created: string;
  parent: { id: string; communities: { ids: string[] } };
  metadata: Record<string, unknown> & { publication_date: string; resource_type: { title: Record<string, string> } };
  files: { enabled: boolean; entries: Record<string, { ext: string }> };
  deletion_status: { is_deleted: boolean };
  tombstone?: { removal_date: string };
};
const records = [...demo.records] as unknown as Rec[];
const memberships = [...demo.memberships];
const events = [...demo.events];
const byId = new Map(records.map((r) => [r.id, r]));
const isRaw = (e: DemoEvent): e is RawHit => 'ip' in e;
const visitorOf = (e: DemoEvent) => (isRaw(e) ? `${e.ip}|${e.user_agent}` : (e as ProcessedEvent).visitor_id);

describe('demo records look like a real repository', () => {
  it('when generated, then some records are deleted with a tombstone', () => {
    const deleted = records.filter((r) => r.deletion_status.is_deleted);
    expect(deleted.length).toBeGreaterThan(0);
    for (const r of deleted) expect(r.tombstone?.removal_date).toBeTruthy();
  });

  it('when generated, then some records are metadata-only and the rest have files of several types', () => {
    expect(records.filter((r) => !r.files.enabled).length).toBeGreaterThan(5);
    const exts = new Set(records.flatMap((r) => Object.values(r.files.entries).map((f) => f.ext)));
    expect(exts.size).toBeGreaterThanOrEqual(5);
  });

  it('when generated, then publication dates never come after creation and many come years before', () => {
    let older = 0;
    for (const r of records) {
      const published = r.metadata.publication_date.padEnd(10, '-01');
      expect(published.slice(0, 10) <= r.created.slice(0, 10)).toBe(true);
      if (Number(published.slice(0, 4)) < Number(r.created.slice(0, 4))) older++;
    }
    expect(older).toBeGreaterThan(records.length * 0.3);
  });

  it('when generated, then some versions share a parent', () => {
    const parents = records.map((r) => r.parent.id);
    expect(new Set(parents).size).toBeLessThan(parents.length);
  });

  it('when generated, then labels come in several languages', () => {
    expect(Object.keys(records[0]!.metadata.resource_type.title).sort()).toEqual(['de', 'en', 'es', 'fr']);
  });
});

describe('demo community history', () => {
  it('when generated, then some records move: removed from one community and added to another on the same day', () => {
    const removed = memberships.filter((m) => m.action === 'removed');
    const moves = removed.filter((r) =>
      memberships.some((m) => m.record_id === r.record_id && m.action === 'added' && m.date === r.date && m.community_id !== r.community_id),
    );
    expect(moves.length).toBeGreaterThan(0);
  });

  it('when a record ends in communities, then its last membership event per community agrees with parent.communities.ids', () => {
    const last = new Map<string, string>();
    for (const m of memberships) last.set(`${m.record_id} ${m.community_id}`, m.action);
    for (const [key, action] of last) {
      const [recordId, communityId] = key.split(' ') as [string, string];
      expect(byId.get(recordId)!.parent.communities.ids.includes(communityId)).toBe(action === 'added');
    }
  });

  it('when generated, then communities are heavy-tailed: the largest holds several times the smallest', () => {
    const sizes = demo.communities.map((c) => records.filter((r) => r.parent.communities.ids.includes(c.id)).length);
    expect(Math.max(...sizes)).toBeGreaterThan(3 * Math.max(1, Math.min(...sizes)));
  });

  it('when generated, then some records joined a community days after they were created', () => {
    const late = memberships.filter((m) => m.action === 'added' && m.date > byId.get(m.record_id)!.created.slice(0, 10));
    expect(late.length).toBeGreaterThan(0);
  });
});

describe('demo usage', () => {
  it('when generated, then every event falls after its record was created and before it was deleted', () => {
    for (const e of events) {
      const r = byId.get(e.record_id)!;
      expect(Date.parse(e.timestamp)).toBeGreaterThan(Date.parse(r.created));
      if (r.tombstone) expect(e.timestamp.slice(0, 10) < r.tombstone.removal_date.slice(0, 10)).toBe(true);
    }
  });

  it('when generated, then about a tenth of the traffic is from robots (flagged or recognisable by user agent)', () => {
    const robots = events.filter((e) => (isRaw(e) ? isbot(e.user_agent) : (e as ProcessedEvent).is_robot)).length;
    expect(robots / events.length).toBeGreaterThan(0.06);
    expect(robots / events.length).toBeLessThan(0.14);
  });

  it('when generated, then some visitors double-click: the same item again within 30 seconds', () => {
    const lastSeen = new Map<string, number>();
    let doubles = 0;
    for (const e of events) {
      const key = `${visitorOf(e)}|${e.record_id}|${e.file_key ?? ''}`;
      const t = Date.parse(e.timestamp);
      const prev = lastSeen.get(key);
      if (prev !== undefined && t - prev <= 30_000) doubles++;
      lastSeen.set(key, t);
    }
    expect(doubles).toBeGreaterThan(events.length * 0.02);
  });

  it('when generated, then weekdays are busier than weekends', () => {
    const perWeekday = [0, 0, 0, 0, 0, 0, 0];
    for (const e of events) perWeekday[new Date(e.timestamp).getUTCDay()]!++;
    const weekend = (perWeekday[0]! + perWeekday[6]!) / 2;
    const weekday = (perWeekday[1]! + perWeekday[2]! + perWeekday[3]! + perWeekday[4]! + perWeekday[5]!) / 5;
    expect(weekday).toBeGreaterThan(weekend * 1.4);
  });

  it('when generated, then popularity is heavy-tailed: the top tenth of records draws over a third of human traffic', () => {
    const perRecord = new Map<string, number>();
    for (const e of events) perRecord.set(e.record_id, (perRecord.get(e.record_id) ?? 0) + 1);
    const counts = [...perRecord.values()].sort((a, b) => b - a);
    const top = counts.slice(0, Math.ceil(records.length / 10)).reduce((a, b) => a + b, 0);
    expect(top / events.length).toBeGreaterThan(1 / 3);
  });

  it('when raw hits are generated, then some failed (non-200/304) and some come from many countries', () => {
    const raw = events.filter(isRaw);
    expect(raw.some((e) => ![200, 304].includes(e.status))).toBe(true);
    const processed = events.filter((e): e is ProcessedEvent => !isRaw(e));
    expect(new Set(processed.map((e) => e.country)).size).toBeGreaterThan(10);
    expect(new Set(processed.map((e) => e.referrer)).size).toBeGreaterThan(5);
  });

  it('when downloads are generated, then they name a file of their record and its size', () => {
    for (const e of events) {
      if (e.type !== 'download') continue;
      const entry = byId.get(e.record_id)!.files.entries[e.file_key!] as { size: number | string } | undefined;
      expect(entry).toBeDefined();
      if (!isRaw(e)) expect(String(e.size)).toBe(String(entry!.size));
    }
  });
});
