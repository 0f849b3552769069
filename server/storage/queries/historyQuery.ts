/**
 * Reading the imported history (`history_*_facts`, migration 007) for the query API
 * (server/query/history.ts): the history days of a community in a window, and their figures by
 * period. History days follow the aggregator's rule (historyFacts.ts), judged on the live raw inputs.
 */
import { GLOBAL } from '../../../src/core/kinds';
import type { Basis } from '../../../src/core/metrics';
import { membershipIntervalsCte, recordIntervalsCte } from '../../domain/aggregate/intervals';
import { Params, bucketsCte, dateLiteral } from '../../query/sqlParts';
import type { Bucket } from '../../query/range';
import { HISTORY_TABLES } from '../factSchema';
import type { SqlEngine } from '../port';
import { STAY_DAYS, recordDayIsRaw, usageDayIsRaw } from './historyFacts';

export type HistoryFamily = 'records' | 'usage';


export interface HistoryWindow {
  family: HistoryFamily;
  community: string;
  basis: Basis;
  /** Null: from the first history day. */
  from: string | null;
  to: string;
}

/** `WITH` parts naming `hd(day)`: the community's history days (of the basis, for records) in the window. */
function historyDaysCtes(p: Params, w: HistoryWindow): string[] {
  const c = p.add(w.community);
  const window = `h.day <= ${dateLiteral(w.to)}${w.from ? ` AND h.day >= ${dateLiteral(w.from)}` : ''}`;
  if (w.family === 'usage') {
    return [`hd AS (SELECT DISTINCT h.day FROM ${HISTORY_TABLES.usage} h WHERE h.community_id = ${c} AND ${window} AND NOT ${usageDayIsRaw('h')})`];
  }
  const isGlobal = w.community === GLOBAL;
  return [
    ...(isGlobal ? [] : [membershipIntervalsCte(`AND community_id = ${c}`)]),
    recordIntervalsCte({ includeGlobal: isGlobal, includeCommunities: !isGlobal }),
    `hd AS (SELECT DISTINCT h.day FROM (SELECT DISTINCT community_id, basis, day FROM ${HISTORY_TABLES.records}
       WHERE community_id = ${c} AND basis = ${p.add(w.basis)}) h WHERE ${window} AND NOT ${recordDayIsRaw('h', STAY_DAYS)})`,
  ];
}

/** The first and last history day in the window, or null when it holds none. */
export async function historySpan(db: SqlEngine, w: HistoryWindow): Promise<{ first: string; last: string } | null> {
  const p = new Params();
  const [row] = await db.query<{ first: string | null; last: string | null }>(
    `WITH ${historyDaysCtes(p, w).join(',\n')} SELECT CAST(MIN(day) AS TEXT) AS first, CAST(MAX(day) AS TEXT) AS last FROM hd`, p.values,
  );
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

export interface HistoryFigures {
  buckets: readonly Bucket[];
  /** Each period takes its own history days, or every one up to its end. */
  cumulative: boolean;
  /** The fact rows' field ('' = totals) and, when asked, a condition on their items. */
  field: string;
  items: { op: 'in' | 'not_in'; values: readonly string[] } | null;
  /** Group by item (`d0`). */
  byItem: boolean;
  /** One SQL expression per metric over fact row `f`, summed. */
  expressions: readonly string[];
}

/** Rows `b` (period), `d0` (item, when by item), `m0`… (one per expression). */
export async function historyFigures(db: SqlEngine, w: Omit<HistoryWindow, 'from' | 'to'>, f: HistoryFigures): Promise<Record<string, unknown>[]> {
  const p = new Params();
  const window: HistoryWindow = { ...w, from: f.cumulative ? null : f.buckets[0]!.start, to: f.buckets[f.buckets.length - 1]!.end };
  const ctes = historyDaysCtes(p, window);
  const items = f.items ? ` AND f.item_id ${f.items.op === 'in' ? '' : 'NOT '}IN (${p.list(f.items.values)})` : '';
  const scope = `f.community_id = ${p.add(w.community)}${w.family === 'records' ? ` AND f.basis = ${p.add(w.basis)}` : ''}`;
  const item = f.byItem ? ', f.item_id AS d0' : '';
  const metrics = f.expressions.map((e, i) => `CAST(SUM(${e}) AS BIGINT) AS m${i}`);
  return db.query(
    `WITH ${ctes.join(',\n')},
${bucketsCte(f.buckets)}
SELECT bk.b AS b${item}, ${metrics.join(', ')}
FROM ${HISTORY_TABLES[w.family]} f JOIN hd ON hd.day = f.day JOIN bk ON ${f.cumulative ? 'f.day <= bk.be' : 'f.day BETWEEN bk.bs AND bk.be'}
WHERE ${scope} AND f.field = ${p.add(f.field)}${items}
GROUP BY bk.b${item ? ', f.item_id' : ''}`,
    p.values,
  );
}
