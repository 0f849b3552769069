/**
 * A hand-made, seeded dataset for the engine parity test: records with versions, files and
 * subcount items, membership histories (additions and removals), and usage events with robots,
 * failed requests, countries and referrers. Deterministic, so both engines receive the same rows.
 */
import { mulberry32 as rng } from '../../server/demo/random';
import type { SqlEngine } from '../../server/storage/port';

const day = (base: string, offset: number) => new Date(Date.parse(`${base}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

export interface Dataset {
  records: unknown[][];
  items: unknown[][];
  memberships: unknown[][];
  communities: unknown[][];
  events: unknown[][];
}

const COMMUNITIES = ['c-alpha', 'c-beta', 'c-gamma', 'c-delta', 'c-eps'];
const ITEMS: Record<string, string[]> = {
  resource_types: ['dataset', 'publication-article', 'software', 'image-photo'],
  languages: ['eng', 'deu', 'fra', 'spa', 'ita', 'nld'],
  subjects: Array.from({ length: 30 }, (_, i) => `subj-${i}`),
  access_statuses: ['open', 'restricted', 'embargoed'],
  file_types: ['pdf', 'csv', 'zip', 'png'],
  funders: Array.from({ length: 25 }, (_, i) => `funder-${i}`),
};

export interface DatasetOptions {
  seed: number;
  records: number;
  events: number;
  eventsFrom: string;
  eventDays: number;
  /** Only events (for records 0…records-1 of an earlier dataset), no records or memberships. */
  eventsOnly?: boolean;
}

export function makeDataset(options: DatasetOptions): Dataset {
  const r = rng(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const ds: Dataset = { records: [], items: [], memberships: [], communities: [], events: [] };
  if (!options.eventsOnly) for (const c of COMMUNITIES) ds.communities.push([c, c.slice(2), `Community ${c}`]);
  const ids: string[] = [];
  for (let i = 0; i < options.records; i += 1) {
    const id = `rec-${String(i).padStart(4, '0')}`;
    ids.push(id);
    if (options.eventsOnly) continue;
    // Every fourth record is a new version of an earlier one: records share a parent.
    const parent = i % 4 === 3 ? `par-${String(i - 1 - Math.floor(r() * Math.min(i, 8))).padStart(4, '0')}` : `par-${String(i).padStart(4, '0')}`;
    const created = day('2023-06-01', Math.floor(r() * 300));
    const published = r() < 0.8 ? day(created, Math.floor(r() * 10)) : null;
    const removed = r() < 0.07 ? day(created, 20 + Math.floor(r() * 60)) : null;
    const files = r() < 0.6;
    ds.records.push([
      id, parent, `u${Math.floor(r() * 40)}`, created, published, removed, files,
      files ? 1 + Math.floor(r() * 5) : 0, files ? Math.floor(r() * 5e9) : 0, `Title ${i}`, '{}',
    ]);
    for (const [field, values] of Object.entries(ITEMS)) {
      const n = field === 'subjects' || field === 'funders' ? Math.floor(r() * 3) : 1;
      const chosen = new Set(Array.from({ length: n }, () => pick(values)));
      for (const item of chosen) ds.items.push([id, field, item, files ? 1 : null, files ? Math.floor(r() * 1e8) : null]);
    }
    const joined = new Set(Array.from({ length: 1 + Math.floor(r() * 2) }, () => pick(COMMUNITIES)));
    for (const c of joined) {
      const added = day(created, Math.floor(r() * 30));
      ds.memberships.push([id, c, 'added', added, 'explicit']);
      if (r() < 0.15) ds.memberships.push([id, c, 'removed', day(added, 5 + Math.floor(r() * 90)), 'explicit']);
    }
  }
  for (let i = 0; i < options.events; i += 1) {
    const d = day(options.eventsFrom, Math.floor(r() * options.eventDays));
    const ts = `${d}T${String(Math.floor(r() * 24)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}:07.${String(Math.floor(r() * 1000)).padStart(3, '0')}Z`;
    const download = r() < 0.4;
    ds.events.push([
      `ev-${options.seed}-${i}`, download ? 'download' : 'view', ts, d, pick(ids),
      download ? pick(['a.pdf', 'b.csv', 'c.zip']) : null, download ? Math.floor(r() * 1e7) : null,
      `v${Math.floor(r() * 1500)}`, `s${Math.floor(r() * 3000)}`, r() < 0.9 ? pick(['DE', 'FR', 'US', 'JP', 'BR']) : null,
      r() < 0.3 ? pick(['google.com', 'example.org']) : null, r() < 0.05, r() < 0.97,
    ]);
  }
  return ds;
}

export const EVENT_COLUMNS = ['event_key', 'type', 'ts', 'day', 'record_id', 'file_key', 'size', 'visitor_id', 'session_id', 'country', 'referrer', 'is_robot', 'ok'];

/** Insert a dataset through the port, as the importers do. */
export async function loadDataset(db: SqlEngine, ds: Dataset): Promise<void> {
  await db.insertMany('communities', ['community_id', 'slug', 'title'], ds.communities, { onConflict: 'ignore' });
  await db.insertMany(
    'records',
    ['record_id', 'parent_id', 'owner_id', 'created', 'published', 'removed', 'files_enabled', 'file_count', 'data_volume', 'title', 'raw'],
    ds.records,
    { onConflict: 'ignore' },
  );
  await db.insertMany('record_items', ['record_id', 'field', 'item_id', 'file_count', 'data_volume'], ds.items, { onConflict: 'ignore' });
  await db.insertMany('memberships', ['record_id', 'community_id', 'action', 'date', 'source'], ds.memberships, { onConflict: 'ignore' });
  await db.insertMany('events', EVENT_COLUMNS, ds.events, { onConflict: 'ignore' });
}
