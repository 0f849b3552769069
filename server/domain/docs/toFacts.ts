/**
 * A reference daily document → the fact rows the aggregator writes: the inverse of the shapes in
 * `shape.ts`. Which document path holds which fact column is read off the shape functions
 * themselves (a probe fact whose every column holds its own index), so the field lists live in
 * one place only. Pure.
 *
 * Delta documents carry whole facts (totals and every subcount item). A snapshot document's
 * figures are running sums of those deltas, so only its uploader total is kept (uploaders are
 * distinct people, which the deltas cannot add up).
 */
import { RECORD_FIELD_IDS, USAGE_FIELD_IDS, type FieldId } from '../../../src/core/fields';
import { kindParts, type AggregationKind } from '../../../src/core/kinds';
import type { Basis } from '../../../src/core/metrics';
import { FACT_COLUMNS, zeroFact, type Fact, type Family } from '../aggregate/facts';
import { recordDeltaShape, usageShape } from './shape';

type Json = Record<string, unknown>;

export interface HistoryDoc {
  family: Family;
  mode: 'delta' | 'snapshot';
  /** The record kinds' date basis; null for usage. */
  basis: Basis | null;
  community: string;
  day: string;
  /** Fact rows by `field`/`item` (`''`/`''` is the totals row); empty for snapshots. */
  facts: { field: string; item: string; fact: Fact }[];
  /** A record snapshot's `total_uploaders`, else null. */
  uploaders: number | null;
  /** Labels the document gives its items, `{lang: label}`. */
  labels: { field: string; item: string; labels: Record<string, string> }[];
}

export class HistoryDocError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Document path (`view.total_events`) → fact column, read off a shape function. */
function pathsOf(family: Family, shape: (f: Fact) => unknown): [path: string[], column: string][] {
  const columns = FACT_COLUMNS[family] as readonly string[];
  const probe = Object.fromEntries(columns.map((c, i) => [c, i + 1]));
  const out: [string[], string][] = [];
  const walk = (v: unknown, path: string[]) => {
    if (typeof v === 'number') out.push([path, columns[v - 1]!]);
    else if (isObject(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(shape(probe), []);
  return out;
}

const PATHS = { records: pathsOf('records', recordDeltaShape), usage: pathsOf('usage', usageShape) };

/** The fact a document fragment (totals or one subcount item) holds. Missing numbers are zero; volumes are rounded. */
function factOf(family: Family, fragment: Json, where: string): Fact {
  const fact = zeroFact(family);
  for (const [path, column] of PATHS[family]) {
    let v: unknown = fragment;
    for (const k of path) v = isObject(v) ? v[k] : undefined;
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new HistoryDocError(`${where}${path.join('.')}`, 'must be a number');
    fact[column] = Math.round(v);
  }
  return fact;
}

/** `2025-05-30T00:00:00` / `2025-05-30` → `2025-05-30`. */
function dayOf(doc: Json, key: string): string {
  const v = doc[key];
  const day = typeof v === 'string' ? v.slice(0, 10) : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) throw new HistoryDocError(key, 'must be a date (YYYY-MM-DD…)');
  return day;
}

function labelsOf(label: unknown): Record<string, string> | null {
  if (typeof label === 'string') return label === '' ? null : { en: label };
  if (!isObject(label)) return null;
  const entries = Object.entries(label).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  return entries.length ? Object.fromEntries(entries) : null;
}

/**
 * @param source the document (a hit's `_source`)
 * @param id the hit's `_id` (`{community}-{YYYY-MM-DD}`), for documents that do not name their community
 */
export function historyDoc(kind: AggregationKind, source: unknown, id?: string): HistoryDoc {
  if (!isObject(source)) throw new HistoryDocError('(line)', 'must be a JSON object');
  const { family, mode, basis } = kindParts(kind);
  const day = dayOf(source, mode === 'delta' ? 'period_start' : 'snapshot_date');
  const named = source['community_id'];
  const community = typeof named === 'string' && named !== '' ? named : /^(.+)-\d{4}-\d{2}-\d{2}/.exec(id ?? '')?.[1];
  if (!community) throw new HistoryDocError('community_id', 'must not be empty');
  const doc: HistoryDoc = { family, mode, basis, community, day, facts: [], uploaders: null, labels: [] };
  if (mode === 'snapshot') {
    const u = source['total_uploaders'];
    if (family === 'records' && u !== undefined) {
      if (typeof u !== 'number') throw new HistoryDocError('total_uploaders', 'must be a number');
      doc.uploaders = u;
    }
    return doc;
  }
  const totals = factOf(family, family === 'usage' ? ((source['totals'] as Json | undefined) ?? {}) : source, family === 'usage' ? 'totals.' : '');
  if (family === 'records') totals['upl_day'] = typeof source['uploaders'] === 'number' ? source['uploaders'] : 0;
  doc.facts.push({ field: '', item: '', fact: totals });
  const subcounts = isObject(source['subcounts']) ? source['subcounts'] : {};
  const fields = (family === 'records' ? RECORD_FIELD_IDS : USAGE_FIELD_IDS) as FieldId[];
  for (const field of fields) {
    const items = subcounts[field];
    if (items === undefined || items === null) continue;
    if (!Array.isArray(items)) throw new HistoryDocError(`subcounts.${field}`, 'must be a list');
    const byId = new Map<string, Fact>();
    items.forEach((item: unknown, i) => {
      const where = `subcounts.${field}[${i}].`;
      if (!isObject(item) || (typeof item['id'] !== 'string' && typeof item['id'] !== 'number')) throw new HistoryDocError(`${where}id`, 'must be a string');
      const id = String(item['id']);
      const fact = factOf(family, item, where);
      const known = byId.get(id);
      if (known) for (const c of Object.keys(fact)) known[c] = (known[c] ?? 0) + (fact[c] ?? 0);
      else byId.set(id, fact);
      const labels = labelsOf(item['label']);
      if (labels) doc.labels.push({ field, item: id, labels });
    });
    for (const [item, fact] of byId) doc.facts.push({ field, item, fact });
  }
  return doc;
}
