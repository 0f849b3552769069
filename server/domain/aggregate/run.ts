/**
 * One aggregation run: rebuild the record facts of every community that is new or dirty, compute
 * the usage facts of new and dirty days, move the bookmarks. Each unit of work (a batch of
 * communities, or a range of days) lands in one transaction together with the clearing of its
 * dirty days and its bookmark, so a run killed at any moment resumes where it stopped and ends
 * with the same result.
 */
import { GLOBAL } from '../../../src/core/kinds';
import { BASES } from '../../../src/core/metrics';
import type { SqlEngine } from '../../storage/port';
import type { BundleKey } from '../bundles/key';
import { AffectedBundles, recordSignatures } from './affected';
import { addDays, dayRanges, daysBetween, maxDay, yearOf } from './days';
import { rebuildRecordFacts } from './recordFacts';
import {
  RECORD_KINDS, USAGE_KINDS, bookmarks, dataAsOf, dirtyRecordCommunities, dirtyUsageDays,
  expandWildcardDirt, firstEventDay, knownCommunities, setBookmarks,
} from './state';
import { rebuildUsageFacts } from './usageFacts';
import { finishRun, startRun } from './runs';

export interface AggregationProgress {
  phase: string;
  done: number;
  total: number;
}

export interface AggregationOptions {
  onProgress?: (p: AggregationProgress) => void;
  /** Items kept for `top` fields in documents and bundles (default 20). Read-time only. */
  topN?: number;
  /** The last day to aggregate (default: the newest day the inputs mention). */
  today?: string;
}

export interface AggregationSummary {
  ranAt: string;
  /** Days whose usage was (re)computed plus days the record bookmarks advanced by. */
  days: number;
  /** Communities (global included) whose facts were rebuilt or recomputed. */
  communities: number;
  /** Daily documents (kind × community × day) whose content was (re)computed. */
  documents: number;
  affected: BundleKey[];
  durationMs: number;
}

/** Thrown when another run holds the aggregation lock. */
export class AggregationRunningError extends Error {
  readonly code = 'aggregation_running';
  constructor() {
    super('an aggregation run is already running');
  }
}

/** Communities per record unit: small enough to resume cheaply, large enough to amortise a statement. */
const COMMUNITIES_PER_UNIT = 40;

export async function runAggregation(db: SqlEngine, opts: AggregationOptions = {}): Promise<AggregationSummary> {
  const result = await db.withLock('aggregate', () => runLocked(db, opts), { wait: false });
  if (result === null) throw new AggregationRunningError();
  return result;
}

async function runLocked(db: SqlEngine, opts: AggregationOptions): Promise<AggregationSummary> {
  const started = Date.now();
  const ranAt = new Date(started).toISOString();
  const runId = await startRun(db, ranAt);
  const progress = opts.onProgress ?? (() => undefined);
  const affected = new Affected();
  try {
    const lastDay = opts.today ?? (await dataAsOf(db));
    if (lastDay === null) {
      const empty = summary(ranAt, started, { days: 0, communities: 0, documents: 0 }, []);
      await finishRun(db, runId, { status: 'done', summary: empty });
      return empty;
    }
    await expandWildcardDirt(db);
    const known = await knownCommunities(db);
    const marks = await bookmarks(db);
    const counts = { days: 0, communities: 0, documents: 0 };

    // Records: rebuild the communities that are dirty or never aggregated.
    const dirty = await dirtyRecordCommunities(db);
    const toRebuild = known.filter((c) => dirty.has(c) || !marks.has(`${RECORD_KINDS[0]}|${c}`));
    const units = batches(toRebuild);
    progress({ phase: 'records', done: 0, total: units.length });
    for (const [i, unit] of units.entries()) {
      const before = await recordSignatures(db, unit);
      await db.transaction(async (tx) => {
        await rebuildRecordFacts(tx, {
          communities: unit.filter((c) => c !== GLOBAL),
          includeGlobal: unit.includes(GLOBAL),
        });
        await tx.exec(
          `DELETE FROM dirty_days WHERE scope = 'records' AND community_id IN (${unit.map((_, j) => `$${j + 1}`).join(', ')})`,
          unit,
        );
        await setBookmarks(tx, { kinds: RECORD_KINDS, communities: unit, day: lastDay, at: ranAt });
      });
      affected.keys.addRecordChanges(before, await recordSignatures(db, unit), lastDay);
      counts.communities += unit.length;
      counts.documents += await recordDocumentCount(db, unit, lastDay);
      progress({ phase: 'records', done: i + 1, total: units.length });
    }
    // Communities with nothing to rebuild still gain the days up to `lastDay` (snapshots carry on).
    const rebuilt = new Set(toRebuild);
    for (const c of known) {
      const old = marks.get(`${RECORD_KINDS[0]}|${c}`);
      if (old === undefined || old === lastDay) continue;
      affected.bookmarkMoved(c, 'records', old, lastDay);
      if (!rebuilt.has(c)) counts.documents += RECORD_KINDS.length * Math.max(0, daysBetween(old, lastDay).length - 1);
    }
    await db.transaction((tx) =>
      setBookmarks(tx, { kinds: RECORD_KINDS, communities: known.filter((c) => !rebuilt.has(c)), day: lastDay, at: ranAt }),
    );

    // Usage: the days after the bookmark, and the dirty days before it.
    const usageMark = marks.get(`${USAGE_KINDS[0]}|${GLOBAL}`) ?? null;
    const firstEvent = await firstEventDay(db);
    const fresh = firstEvent === null ? [] : daysBetween(usageMark ? addDays(usageMark, 1) : firstEvent, lastDay);
    const stale = (await dirtyUsageDays(db)).filter((d) => d <= lastDay);
    const ranges = dayRanges([...stale, ...fresh]);
    progress({ phase: 'usage', done: 0, total: ranges.length });
    const usageCommunities = new Set<string>();
    for (const [i, range] of ranges.entries()) {
      let mark = usageMark;
      await db.transaction(async (tx) => {
        await rebuildUsageFacts(tx, range);
        await tx.exec(
          `DELETE FROM dirty_days WHERE scope = 'usage' AND day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)`,
          [range.from, range.to],
        );
        mark = maxDay(marks.get(`${USAGE_KINDS[0]}|${GLOBAL}`) ?? null, range.to);
        // Dirty ranges behind the bookmark leave it where it is; fresh ranges advance it.
        if (mark !== null && range.to >= (usageMark ?? '')) {
          await setBookmarks(tx, { kinds: USAGE_KINDS, communities: known, day: mark, at: ranAt });
          marks.set(`${USAGE_KINDS[0]}|${GLOBAL}`, mark);
        }
      });
      const touched = await db.query<{ community_id: string; n: number }>(
        `SELECT community_id, COUNT(DISTINCT day) AS n FROM agg_usage_facts
         WHERE field = '' AND day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) GROUP BY community_id`,
        [range.from, range.to],
      );
      for (const t of touched) {
        usageCommunities.add(t.community_id);
        counts.documents += 2 * t.n;
        affected.usageChanged(t.community_id, yearOf(range.from), yearOf(lastDay));
      }
      counts.days += daysBetween(range.from, range.to).length;
      progress({ phase: 'usage', done: i + 1, total: ranges.length });
    }
    if (usageMark !== lastDay && usageMark !== null) {
      for (const c of known) affected.bookmarkMoved(c, 'usage', usageMark, lastDay);
    }
    counts.communities = Math.max(counts.communities, usageCommunities.size);
    const result = summary(ranAt, started, counts, affected.keys.list());
    await finishRun(db, runId, { status: 'done', summary: result });
    return result;
  } catch (error) {
    await finishRun(db, runId, { status: 'failed', summary: null }).catch(() => undefined);
    throw error;
  }
}

class Affected {
  readonly keys = new AffectedBundles();

  bookmarkMoved(community: string, family: 'records' | 'usage', from: string, to: string): void {
    for (const basis of family === 'records' ? BASES : [null]) {
      for (const kind of family === 'records' ? (['record-delta', 'record-snapshot'] as const) : (['usage-delta', 'usage-snapshot'] as const)) {
        this.keys.addYears({ community, category: kind, basis }, yearOf(from), yearOf(to));
      }
    }
  }

  usageChanged(community: string, fromYear: number, lastYear: number): void {
    this.keys.addYears({ community, category: 'usage-delta', basis: null }, fromYear, fromYear);
    this.keys.addYears({ community, category: 'usage-snapshot', basis: null }, fromYear, lastYear);
  }
}

function batches(communities: readonly string[]): string[][] {
  // Global alone: it holds every record, so it is the biggest unit by far.
  const others = communities.filter((c) => c !== GLOBAL);
  const out: string[][] = communities.includes(GLOBAL) ? [[GLOBAL]] : [];
  for (let i = 0; i < others.length; i += COMMUNITIES_PER_UNIT) out.push(others.slice(i, i + COMMUNITIES_PER_UNIT));
  return out;
}

async function recordDocumentCount(db: SqlEngine, communities: readonly string[], lastDay: string): Promise<number> {
  const rows = await db.query<{ first: string }>(
    `SELECT MIN(day) AS first FROM agg_record_facts
     WHERE community_id IN (${communities.map((_, i) => `$${i + 1}`).join(', ')}) GROUP BY community_id, basis`,
    communities,
  );
  // Each basis has a delta and a snapshot document per day from its first day to lastDay.
  return rows.reduce((n, r) => n + 2 * Math.max(0, daysBetween(r.first, lastDay).length), 0);
}

function summary(
  ranAt: string,
  started: number,
  counts: { days: number; communities: number; documents: number },
  affected: BundleKey[],
): AggregationSummary {
  return { ranAt, ...counts, affected, durationMs: Date.now() - started };
}
