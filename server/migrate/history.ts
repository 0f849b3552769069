/**
 * Importing the reference's eight daily aggregation indices as history: each document is
 * converted to fact rows (`historyDoc`) and stored in the `history_*` tables, keyed by kind,
 * community and day; the aggregator copies them into its facts for the days the raw inputs leave
 * empty. A document already stored with the same content is skipped, so a re-run stores nothing.
 */
import { createHash } from 'node:crypto';
import type { AggregationKind } from '../../src/core/kinds';
import { FACT_COLUMNS } from '../domain/aggregate/facts';
import { HistoryDocError, historyDoc, type HistoryDoc } from '../domain/docs/toFacts';
import type { ImportIssue } from '../ingest';
import { markDirty, type DirtyDay } from '../storage/queries/dirtyDays';
import { upsertRows } from '../storage/queries/slices';
import type { SqlEngine } from '../storage/port';

const BATCH = 500;

export interface HistorySummary {
  lines: number;
  imported: number;
  skipped: number;
  rejected: number;
  errors: ImportIssue[];
}

type Parsed = { doc: HistoryDoc; digest: string; key: string };

export async function importHistory(
  db: SqlEngine,
  options: { kind: AggregationKind; lines: AsyncIterable<string> | Iterable<string>; source: string; maxErrors: number; onProgress?: () => void },
): Promise<HistorySummary> {
  const summary: HistorySummary = { lines: 0, imported: 0, skipped: 0, rejected: 0, errors: [] };
  let batch = new Map<string, Parsed>();
  const flush = async () => {
    if (batch.size === 0) return;
    const stored = await storeBatch(db, options.kind, [...batch.values()]);
    summary.imported += stored;
    summary.skipped += batch.size - stored;
    batch = new Map();
    options.onProgress?.();
  };
  for await (const line of options.lines) {
    if (line.trim() === '') continue;
    summary.lines += 1;
    try {
      const parsed = parse(options.kind, line);
      // The same document twice in one export: the later one wins, counted once.
      if (batch.has(parsed.key)) summary.skipped += 1;
      batch.set(parsed.key, parsed);
    } catch (error) {
      if (!(error instanceof HistoryDocError)) throw error;
      summary.rejected += 1;
      if (summary.errors.length < options.maxErrors) {
        summary.errors.push({ source: options.source, line: summary.lines, path: error.path, message: error.message });
      }
    }
    if (batch.size >= BATCH) await flush();
  }
  await flush();
  return summary;
}

function parse(kind: AggregationKind, line: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new HistoryDocError('(line)', 'not JSON');
  }
  const hit = value !== null && typeof value === 'object' && '_source' in value ? (value as { _source: unknown; _id?: unknown }) : null;
  const source = hit ? hit._source : value;
  const doc = historyDoc(kind, source, typeof hit?._id === 'string' ? hit._id : undefined);
  // Of the line as exported: the same export gives the same digests (a reformatted one is stored again, to the same effect).
  const digest = createHash('sha1').update(line).digest('hex');
  return { doc, digest, key: `${doc.community}|${doc.day}` };
}

/** The stored digests of a batch's documents: one indexed range read (batches follow the export's order), filtered here. */
async function storedDigests(db: SqlEngine, kind: AggregationKind, docs: Parsed[]): Promise<Map<string, string>> {
  const communities = [...new Set(docs.map((d) => d.doc.community))];
  const days = docs.map((d) => d.doc.day).sort();
  const rows = await db.query<{ community_id: string; day: string; digest: string }>(
    `SELECT community_id, CAST(day AS TEXT) AS day, digest FROM history_docs
     WHERE kind = $1 AND community_id IN (${communities.map((_, i) => `$${i + 4}`).join(', ')})
       AND day BETWEEN CAST($2 AS DATE) AND CAST($3 AS DATE)`,
    [kind, days[0], days[days.length - 1], ...communities],
  );
  const wanted = new Set(docs.map((d) => d.key));
  return new Map(rows.map((r) => [`${r.community_id}|${r.day}`, r.digest] as const).filter(([k]) => wanted.has(k)));
}

/** Delete the fact rows of the documents' (community, day)s, in one statement (an indexed range, then the exact keys). */
async function deleteDays(tx: SqlEngine, table: string, docs: Parsed[], basis: string | null): Promise<void> {
  if (docs.length === 0) return;
  const communities = [...new Set(docs.map((d) => d.doc.community))];
  const days = docs.map((d) => d.doc.day).sort();
  const params: unknown[] = [days[0], days[days.length - 1], ...communities, ...docs.map((d) => d.key)];
  const list = (from: number, n: number) => Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ');
  await tx.exec(
    `DELETE FROM ${table} WHERE ${basis ? `basis = '${basis}' AND ` : ''}community_id IN (${list(3, communities.length)})
       AND day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)
       AND community_id || '|' || CAST(day AS TEXT) IN (${list(3 + communities.length, docs.length)})`,
    params,
  );
}

/** Store the documents that are new or changed; returns how many. */
async function storeBatch(db: SqlEngine, kind: AggregationKind, docs: Parsed[]): Promise<number> {
  const known = await storedDigests(db, kind, docs);
  const changed = docs.filter((d) => known.get(d.key) !== d.digest);
  if (changed.length === 0) return 0;
  const [first] = changed;
  const { family, mode, basis } = first!.doc;
  await db.transaction(async (tx) => {
    const facts = changed.flatMap(({ doc }) => doc.facts.map((f) => ({ doc, ...f })));
    if (family === 'records') {
      const columns = FACT_COLUMNS.records;
      // A delta document replaces its day's rows: an older version's, or the zero row a snapshot document left.
      if (mode === 'delta') await deleteDays(tx, 'history_record_facts', changed, basis);
      const rows = mode === 'delta'
        ? facts.map((f) => [basis, f.doc.community, f.doc.day, f.field, f.item, ...columns.map((c) => f.fact[c] ?? 0)])
        // A snapshot day needs a totals row to carry its uploader change (zero unless a delta document fills it).
        : changed.map(({ doc }) => [basis, doc.community, doc.day, '', '', ...columns.map(() => 0)]);
      await tx.insertMany('history_record_facts', ['basis', 'community_id', 'day', 'field', 'item_id', ...columns], rows, {
        onConflict: mode === 'delta' ? 'error' : 'ignore',
      });
    } else if (mode === 'delta') {
      const columns = FACT_COLUMNS.usage;
      await deleteDays(tx, 'history_usage_facts', changed.filter((d) => known.has(d.key)), null);
      await tx.insertMany('history_usage_facts', ['community_id', 'day', 'field', 'item_id', ...columns],
        facts.map((f) => [f.doc.community, f.doc.day, f.field, f.item, ...columns.map((c) => f.fact[c] ?? 0)]));
    }
    await upsertRows(tx, 'history_docs', ['kind', 'community_id', 'day', 'digest', 'uploaders'], ['kind', 'community_id', 'day'],
      changed.map(({ doc, digest }) => [kind, doc.community, doc.day, digest, doc.uploaders]));
    const labels = new Map(changed.flatMap(({ doc }) => doc.labels.map((l) => [`${l.field}|${l.item}`, l])));
    // Labels from the records themselves stay; the documents name only items the records do not.
    await tx.insertMany('item_labels', ['field', 'item_id', 'labels'], [...labels.values()].map((l) => [l.field, l.item, JSON.stringify(l.labels)]), {
      onConflict: 'ignore',
    });
    // A community's record facts are rebuilt whole, so one dirty day per community will do; usage days are exact.
    const dirt: DirtyDay[] = family === 'records'
      ? [...new Map(changed.map(({ doc }) => [doc.community, doc.day] as const).sort((a, b) => (a[1] < b[1] ? 1 : -1))).entries()].map(([c, day]) => ({ scope: 'records', community_id: c, day }))
      : changed.map(({ doc }) => ({ scope: 'usage', community_id: '*', day: doc.day }));
    await markDirty(tx, dirt);
  });
  return changed.length;
}

/**
 * The uploader changes of each record snapshot day: the difference of its `total_uploaders` from
 * the community's previous snapshot document, as the presence entries / exits the facts carry.
 * Run after every import of daily documents (it rewrites all of them, so order never matters).
 */
export async function settleHistoryUploaders(db: SqlEngine): Promise<void> {
  const diff = `uploaders - COALESCE(LAG(uploaders) OVER (PARTITION BY kind, community_id ORDER BY day), 0)`;
  await db.exec(
    `UPDATE history_record_facts SET
       upl_add = CASE WHEN s.diff > 0 THEN s.diff ELSE 0 END,
       upl_rem = CASE WHEN s.diff < 0 THEN -s.diff ELSE 0 END
     FROM (SELECT REPLACE(kind, 'records-snapshot-', '') AS basis, community_id, day, ${diff} AS diff
           FROM history_docs WHERE kind LIKE 'records-snapshot-%' AND uploaders IS NOT NULL) s
     WHERE history_record_facts.basis = s.basis AND history_record_facts.community_id = s.community_id
       AND history_record_facts.day = s.day AND history_record_facts.field = ''`,
  );
}

export interface HistorySources {
  kind: AggregationKind;
  days: number;
  first: string;
  last: string;
  /**
   * Days on which the raw inputs hold something: usage events; records created, published (by the
   * kind's basis) or removed, and membership changes for the `added` basis. Raw figures win there
   * (for records, per community: a community whose raw inputs change nothing that day keeps the document).
   */
  rawDays: number;
}

/** Which of the imported documents' days the raw inputs cover, per kind. */
export async function historySources(db: SqlEngine): Promise<HistorySources[]> {
  // Per basis, the record dates that give a day raw figures (a removal counts on every basis).
  const removed = 'EXISTS (SELECT 1 FROM records r WHERE r.removed = h.day)';
  const raw = `CASE WHEN h.kind LIKE 'usage-%' THEN EXISTS (SELECT 1 FROM events e WHERE e.day = h.day)
    WHEN h.kind LIKE '%-created' THEN EXISTS (SELECT 1 FROM records r WHERE r.created = h.day) OR ${removed}
    WHEN h.kind LIKE '%-published' THEN EXISTS (SELECT 1 FROM records r WHERE r.published = h.day) OR ${removed}
    ELSE EXISTS (SELECT 1 FROM memberships m WHERE m.date = h.day) OR EXISTS (SELECT 1 FROM records r WHERE r.created = h.day) OR ${removed} END`;
  return db.query<HistorySources & Record<string, unknown>>(
    `SELECT kind, CAST(COUNT(*) AS INTEGER) AS days, CAST(MIN(day) AS TEXT) AS first, CAST(MAX(day) AS TEXT) AS last,
            CAST(SUM(CASE WHEN has_raw THEN 1 ELSE 0 END) AS INTEGER) AS "rawDays"
     FROM (SELECT h.kind, h.day, (${raw}) AS has_raw FROM (SELECT DISTINCT kind, day FROM history_docs) h) x
     GROUP BY kind ORDER BY kind`,
  );
}
