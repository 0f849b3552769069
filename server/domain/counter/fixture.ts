/**
 * Test support: a hand-built month of usage (March 2024, plus one view in February) put in
 * through the real importer and aggregated, with every figure the COUNTER reports must give for
 * it worked out in `EXPECTED`. Shared by the storage, report, HTTP and PostgreSQL parity tests.
 *
 * Communities: `lab` (public), `vault` (restricted). Records:
 * - `ds-1` dataset, open, published 2023-05-01, in lab;
 * - `bk-1v1`, `bk-1v2` two versions of one book (parent `bk-1`), open, published 2020, in lab;
 * - `ar-1` journal article, restricted access, no publication date, in lab from 2024-03-15 (an explicit
 *   membership event; the record's import alone would date it by its creation);
 * - `sw-1` software in the restricted community vault.
 */
import { importLines } from '../../ingest';
import { runAggregation } from '../aggregate/run';
import type { SqlEngine } from '../../storage/port';

/** The day the reports are asked for: April is the current month, March the last complete one. */
export const NOW = new Date('2024-04-10T12:00:00Z');

const record = (id: string, o: { parent?: string; type: string; access: string; published?: string; communities: string[]; extra?: object }) => ({
  id,
  created: '2024-01-05T10:00:00Z',
  updated: '2024-01-05T10:00:00Z',
  parent: { id: o.parent ?? `p-${id}`, communities: { ids: o.communities }, access: { owned_by: { user: 'u1' } } },
  access: { status: o.access, record: 'public', files: o.access === 'open' ? 'public' : 'restricted' },
  metadata: {
    title: `Title of ${id}`,
    publisher: 'Repo Press',
    resource_type: { id: o.type },
    ...(o.published ? { publication_date: o.published } : {}),
    creators: [{ person_or_org: { name: 'Doe, Jane', identifiers: [{ scheme: 'orcid', identifier: '0000-0002-1825-0097' }] } }],
  },
  pids: { doi: { identifier: `10.1234/${id}`, provider: 'datacite' } },
  files: { enabled: true, entries: { 'data.csv': { key: 'data.csv', ext: 'csv', size: 1000 } } },
  ...o.extra,
});

export const RECORDS = [
  record('ds-1', { type: 'dataset', access: 'open', published: '2023-05-01', communities: ['lab'] }),
  record('bk-1v1', { parent: 'bk-1', type: 'publication-book', access: 'open', published: '2020', communities: ['lab'] }),
  record('bk-1v2', { parent: 'bk-1', type: 'publication-book', access: 'open', published: '2020', communities: ['lab'] }),
  record('ar-1', {
    type: 'publication-article', access: 'restricted', communities: ['lab'],
    extra: { custom_fields: { 'journal:journal': { title: 'Journal of Tests', issn: '1234-5679' } } },
  }),
  record('sw-1', { type: 'software', access: 'open', published: '2022-06-01', communities: ['vault'] }),
];

const view = (record: string, at: string, visitor: string, extra: object = {}) => ({ type: 'view', timestamp: at, record_id: record, visitor_id: visitor, ...extra });
const download = (record: string, at: string, visitor: string, extra: object = {}) => ({
  type: 'download', timestamp: at, record_id: record, visitor_id: visitor, file_key: 'data.csv', size: 1000, ...extra,
});

export const EVENTS = [
  // Double clicks: v1 views ds-1 four times; 10:00:20 and 10:00:45 are each within 30 s of the
  // previous view, so two count (10:00:00 and 10:02:00), in one session (v1, 10 h).
  view('ds-1', '2024-03-04T10:00:00Z', 'v1'),
  view('ds-1', '2024-03-04T10:00:20Z', 'v1'),
  view('ds-1', '2024-03-04T10:00:45Z', 'v1'),
  view('ds-1', '2024-03-04T10:02:00Z', 'v1'),
  // A robot: never counts.
  view('ds-1', '2024-03-04T11:00:00Z', 'bot', { is_robot: true }),
  view('ds-1', '2024-03-04T11:05:00Z', 'bot', { is_robot: true }),
  download('ds-1', '2024-03-04T11:10:00Z', 'bot', { is_robot: true }),
  // Two sessions of one visitor (09 h and 11 h): two unique requests.
  download('ds-1', '2024-03-05T09:10:00Z', 'v2'),
  download('ds-1', '2024-03-05T11:40:00Z', 'v2'),
  // A view, then a download that is also an investigation, in one session; a failed download.
  view('ds-1', '2024-03-06T14:00:00Z', 'v3'),
  download('ds-1', '2024-03-06T14:01:00Z', 'v3'),
  download('ds-1', '2024-03-06T14:30:00Z', 'v3', { status: 404 }),
  // Two versions of one book downloaded in one session (one title), and a view in another.
  download('bk-1v1', '2024-03-07T15:00:00Z', 'v4'),
  download('bk-1v2', '2024-03-07T15:05:00Z', 'v4'),
  view('bk-1v1', '2024-03-08T16:00:00Z', 'v5'),
  // ar-1 joins lab on 2024-03-15: its view of the 10th counts for global only, its download for both.
  view('ar-1', '2024-03-10T12:00:00Z', 'v6'),
  download('ar-1', '2024-03-20T12:00:00Z', 'v7'),
  // sw-1 is in the restricted community.
  view('sw-1', '2024-03-11T12:00:00Z', 'v9'),
  // February: one view.
  view('ds-1', '2024-02-20T08:00:00Z', 'v8'),
];

type Figures = [tii: number, tir: number, uii: number, uir: number];

/** Each figure of March 2024, worked out by hand from the events above. */
export const EXPECTED = {
  /** Per item: Total_Item_Investigations, Total_Item_Requests, Unique_Item_Investigations, Unique_Item_Requests. */
  items: {
    'ds-1': [6, 3, 4, 3],
    'bk-1v1': [2, 1, 2, 1],
    'bk-1v2': [1, 1, 1, 1],
    'ar-1': [2, 1, 2, 1],
    'sw-1': [1, 0, 1, 0],
  } satisfies Record<string, Figures>,
  /** ar-1 in lab: only its download (after it joined). */
  labArticle: [1, 1, 1, 1] as Figures,
  /** The book's title (parent bk-1): Unique_Title_Investigations 2 (sessions of v4 and v5), Unique_Title_Requests 1. */
  bookTitle: { uti: 2, utr: 1 },
};

export async function loadHandBuiltMonth(db: SqlEngine): Promise<void> {
  await db.insertMany('communities', ['community_id', 'slug', 'title', 'restricted', 'enabled'], [
    ['lab', 'the-lab', 'The Lab', false, true],
    ['vault', 'the-vault', 'The Vault', true, true],
  ]);
  const json = (rows: readonly object[]) => rows.map((r) => JSON.stringify(r));
  await importLines(db, { kind: 'records', lines: json(RECORDS), source: 'records' });
  await importLines(db, {
    kind: 'memberships',
    lines: json([{ record_id: 'ar-1', community_id: 'lab', action: 'added', date: '2024-03-15' }]),
    source: 'memberships',
  });
  await importLines(db, { kind: 'events', lines: json(EVENTS), source: 'events' });
  await runAggregation(db, { today: '2024-04-10' });
}
