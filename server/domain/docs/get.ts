/**
 * The raw daily documents of one kind for one community over a range of days, in the reference's
 * shapes, one per day from the kind's first aggregated day to its bookmark (days without activity
 * get zero documents, as in the reference). Derived from the stored facts on request; the same
 * facts always give byte-identical documents.
 */
import { DEFAULT_TOP_N, FIELDS, RECORD_FIELD_IDS, USAGE_FIELD_IDS, type FieldId } from '../../../src/core/fields';
import { kindParts, type AggregationKind } from '../../../src/core/kinds';
import { I18N_LABEL_FIELDS, type DailyDoc } from './schema';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SqlEngine } from '../../storage/port';
import { daysBetween, maxDay, minDay } from '../aggregate/days';
import { FACT_COLUMNS, TABLES, addFact, factSpan, itemLabels, scopeFilter, zeroFact, type Fact, type Family, type ItemLabelsOf } from '../aggregate/facts';
import { holdsSomething, rankScore, recordDeltaShape, recordSnapshotShape, usageShape, type UsageRanking } from './shape';

export interface DailyDocsQuery {
  kind: AggregationKind;
  community: string;
  start: string;
  end: string;
  /** Items kept for `top` fields (default 20). */
  topN?: number;
}

/** Documents built between two turns of the event loop. */
const DAYS_PER_TURN = 8;

type Row = { field: string; item_id: string; d: string | null } & Record<string, unknown>;

export async function getDailyDocs(db: SqlEngine, query: DailyDocsQuery): Promise<DailyDoc[]> {
  const { family, mode, basis } = kindParts(query.kind);
  const span = await factSpan(db, { family, community: query.community, basis });
  if (!span) return [];
  const from = maxDay(span.first, query.start) as string;
  const to = minDay(span.last, query.end) as string;
  if (from > to) return [];

  const scope = scopeFilter({ family, community: query.community, basis });
  const p = scope.params.length;
  const dayExpr = mode === 'snapshot' ? `CASE WHEN day < CAST($${p + 1} AS DATE) THEN NULL ELSE day END` : 'day';
  const sums = FACT_COLUMNS[family].map((c) => `CAST(SUM(${c}) AS BIGINT) AS ${c}`).join(', ');
  const rows = await db.query<Row>(
    `SELECT field, item_id, ${dayExpr} AS d, ${sums} FROM ${TABLES[family]}
     WHERE ${scope.sql} AND day <= CAST($${p + 2} AS DATE) ${mode === 'delta' ? `AND day >= CAST($${p + 1} AS DATE)` : ''}
     GROUP BY field, item_id, ${dayExpr}`,
    [...scope.params, from, to],
  );
  const byDay = new Map<string | null, Row[]>();
  for (const r of rows) {
    const list = byDay.get(r.d);
    if (list) list.push(r);
    else byDay.set(r.d, [r]);
  }

  const labels = await itemLabels(db);
  const fields = (family === 'records' ? RECORD_FIELD_IDS : USAGE_FIELD_IDS) as FieldId[];
  const build = new DocBuilder({ family, mode, community: query.community, fields, labels, topN: query.topN ?? DEFAULT_TOP_N });
  // Snapshot state: the running sum of every fact so far, per `field|item` ('|' is the totals).
  const state = new Map<string, Fact>();
  const accumulate = (list: Row[] | undefined) => {
    for (const r of list ?? []) {
      const k = `${r.field}|${r.item_id}`;
      let fact = state.get(k);
      if (!fact) state.set(k, (fact = zeroFact(family)));
      addFact(fact, r);
    }
  };
  accumulate(byDay.get(null));
  const docs: DailyDoc[] = [];
  for (const day of daysBetween(from, to)) {
    if (mode === 'snapshot') {
      accumulate(byDay.get(day));
      docs.push(build.doc(day, [...state.entries()].map(([k, f]) => [...(k.split('|') as [string, string]), f])));
    } else {
      docs.push(build.doc(day, (byDay.get(day) ?? []).map((r) => [r.field, r.item_id, addFact(zeroFact(family), r)])));
    }
    // A year of global documents takes about half a second to build: let other requests run meanwhile.
    if (docs.length % DAYS_PER_TURN === 0) await nextTurn();
  }
  return docs;
}

class DocBuilder {
  constructor(
    private readonly o: {
      family: Family; mode: 'delta' | 'snapshot'; community: string; fields: FieldId[];
      labels: ItemLabelsOf; topN: number;
    },
  ) {}

  doc(day: string, entries: [field: string, item: string, fact: Fact][]): DailyDoc {
    const { family, mode } = this.o;
    const byField = new Map<string, [string, string, Fact][]>();
    for (const e of entries) byField.set(e[0], [...(byField.get(e[0]) ?? []), e]);
    const totals = byField.get('')?.[0]?.[2] ?? zeroFact(family);
    const subcounts: Record<string, unknown> = {};
    const other: Record<string, unknown> = {};
    for (const field of this.o.fields) {
      const items = (byField.get(field) ?? [])
        .filter(([, , fact]) => mode === 'delta' || holdsSomething(family, fact))
        .map(([, id, fact]) => ({ id, fact }));
      if (FIELDS[field].keep === 'all') {
        subcounts[field] = this.ranked(items).map((it) => this.item(field, it));
      } else if (family === 'usage' && mode === 'snapshot') {
        const views = this.topN(field, items, 'by_view');
        const downloads = this.topN(field, items, 'by_download');
        subcounts[field] = { by_view: views.kept, by_download: downloads.kept };
        other[field] = { by_view: views.other, by_download: downloads.other };
      } else {
        const top = this.topN(field, items);
        subcounts[field] = top.kept;
        other[field] = top.other;
      }
    }
    const stamp = `${day}T23:59:59Z`;
    const head = mode === 'delta' ? { period_start: day, period_end: day } : { snapshot_date: day };
    const common = { community_id: this.o.community, ...head, timestamp: stamp, updated_timestamp: stamp };
    if (family === 'usage') return { ...common, totals: usageShape(totals), subcounts, subcounts_other: other } as DailyDoc;
    if (mode === 'delta') {
      return { ...common, ...recordDeltaShape(totals), uploaders: Number(totals.upl_day ?? 0), subcounts, subcounts_other: other } as DailyDoc;
    }
    const s = recordSnapshotShape(totals);
    return {
      ...common, total_records: s.records, total_parents: s.parents, total_files: s.files,
      total_uploaders: Number(totals.upl_add ?? 0) - Number(totals.upl_rem ?? 0), subcounts, subcounts_other: other,
    } as DailyDoc;
  }

  /** Items ordered by the day's ranking (higher first), ties by id. */
  private ranked(items: Item[], ranking?: UsageRanking): Item[] {
    const { family, mode } = this.o;
    const score = new Map(items.map((it) => [it, rankScore(family, mode, it.fact, ranking)]));
    return [...items].sort((a, b) => score.get(b)! - score.get(a)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The top N items of a `top` field, and what falls outside them. */
  private topN(field: FieldId, items: Item[], ranking?: UsageRanking) {
    const { family } = this.o;
    const sorted = this.ranked(items, ranking);
    const rest = sorted.slice(this.o.topN);
    return {
      kept: sorted.slice(0, this.o.topN).map((it) => this.item(field, it)),
      other: { items: rest.length, ...this.shape(rest.reduce((acc, it) => addFact(acc, it.fact), zeroFact(family))) },
    };
  }

  private item(field: FieldId, it: Item) {
    const labels = this.o.labels(field, it.id);
    return { id: it.id, label: referenceLabel(field, labels), labels, ...this.shape(it.fact) };
  }

  private shape(fact: Fact) {
    const { family, mode } = this.o;
    return family === 'usage' ? usageShape(fact) : mode === 'delta' ? recordDeltaShape(fact) : recordSnapshotShape(fact);
  }
}

type Item = { id: string; fact: Fact };

/** The label in the reference's type: `{lang: label}` for vocabulary fields, else a string (English first). */
export function referenceLabel(field: FieldId, labels: Record<string, string>): string | Record<string, string> {
  if (I18N_LABEL_FIELDS.includes(field)) return labels;
  return labels['en'] ?? Object.values(labels)[0] ?? '';
}
