/**
 * The two phases of a run. Each unit of work commits in one transaction together with the
 * clearing of the dirt it settles and its bookmark, so a run killed between units resumes cleanly.
 */
import { GLOBAL } from '../../../src/core/kinds';
import type { SqlEngine } from '../../storage/port';
import { addClaimedDirt, claimDirt, claimedDirt, clearClaimedRecordDirt, clearClaimedUsageDirt } from '../../storage/queries/dirtyDays';
import { recordFactFirstDays, recordFactSignatures, usageFactDays } from '../../storage/queries/factStats';
import type { AffectedBundles } from './affected';
import { addDays, daysBetween, yearOf } from './days';
import { fillRecordHistory, fillUsageHistory } from './history';
import { rebuildRecordFacts } from './recordFacts';
import { RECORD_KINDS, USAGE_KINDS, dirtyRecordCommunities, firstEventDay, setBookmarks } from './state';
import { planUsage } from './usagePlan';
import { rebuildUsageFacts } from './usageFacts';

export interface PhaseContext {
  db: SqlEngine;
  lastDay: string;
  ranAt: string;
  /** The run's id: the dirt it claims and clears carries it (storage/queries/dirtyDays.ts `claimDirt`). */
  runId: string;
  known: string[];
  marks: Map<string, string>;
  affected: AffectedBundles;
  counts: { days: number; communities: number; documents: number };
  progress: (p: { phase: string; done: number; total: number }) => void;
}

/** Communities per record unit: small enough to resume cheaply, large enough to amortise a statement. */
const COMMUNITIES_PER_UNIT = 40;

export async function recordPhase(ctx: PhaseContext): Promise<void> {
  const { db, lastDay, ranAt, known, marks, runId } = ctx;
  await claimDirt(db, 'records', runId);
  const dirty = await dirtyRecordCommunities(db, runId);
  const toRebuild = known.filter((c) => dirty.has(c) || !marks.has(`${RECORD_KINDS[0]}|${c}`));
  const units = batches(toRebuild);
  ctx.progress({ phase: 'records', done: 0, total: units.length });
  for (const [i, unit] of units.entries()) {
    const before = await recordFactSignatures(db, unit);
    await db.transaction(async (tx) => {
      await rebuildRecordFacts(tx, { communities: unit.filter((c) => c !== GLOBAL), includeGlobal: unit.includes(GLOBAL) });
      await fillRecordHistory(tx, unit, lastDay);
      await clearClaimedRecordDirt(tx, runId, unit);
      await setBookmarks(tx, { kinds: RECORD_KINDS, communities: unit, day: lastDay, at: ranAt });
    });
    ctx.affected.addRecordChanges(before, await recordFactSignatures(db, unit), lastDay);
    ctx.counts.communities += unit.length;
    ctx.counts.documents += await recordDocumentCount(db, unit, lastDay);
    ctx.progress({ phase: 'records', done: i + 1, total: units.length });
  }
  // Communities with nothing to rebuild still gain the days up to `lastDay` (snapshots carry on).
  const rebuilt = new Set(toRebuild);
  for (const c of known) {
    const old = marks.get(`${RECORD_KINDS[0]}|${c}`);
    if (old === undefined || old === lastDay) continue;
    bookmarkMoved(ctx.affected, c, 'records', old, lastDay);
    if (!rebuilt.has(c)) ctx.counts.documents += RECORD_KINDS.length * (daysBetween(old, lastDay).length - 1);
  }
  const rest = known.filter((c) => !rebuilt.has(c));
  await db.transaction((tx) => setBookmarks(tx, { kinds: RECORD_KINDS, communities: rest, day: lastDay, at: ranAt }));
}

export async function usagePhase(ctx: PhaseContext): Promise<void> {
  const { db, lastDay, ranAt, known, marks, runId } = ctx;
  const bookmark = marks.get(`${USAGE_KINDS[0]}|${GLOBAL}`) ?? null;
  await claimDirt(db, 'usage', runId);
  const dirt = await claimedDirt(db, 'usage', runId);
  const units = planUsage({ bookmark, firstEvent: await firstEventDay(db), lastDay, dirt });
  ctx.progress({ phase: 'usage', done: 0, total: units.length });
  const touchedCommunities = new Set<string>();
  for (const [i, unit] of units.entries()) {
    await db.transaction(async (tx) => {
      for (const range of unit.allRanges) {
        await rebuildUsageFacts(tx, range, 'all');
        await fillUsageHistory(tx, range, 'all');
      }
      if (unit.communityRange) {
        await rebuildUsageFacts(tx, unit.communityRange, unit.communities);
        await fillUsageHistory(tx, unit.communityRange, unit.communities);
      }
      // Only what this run claimed: a day marked again since (un-claimed) stays for the next run.
      await clearClaimedUsageDirt(tx, runId, unit.monthEnd);
      if (unit.carryOver) {
        const next = addDays(unit.monthEnd, 1);
        await addClaimedDirt(tx, 'usage', runId, unit.communities.map((community) => ({ community, day: next })));
      }
      if (unit.advancesTo) await setBookmarks(tx, { kinds: USAGE_KINDS, communities: known, day: unit.advancesTo, at: ranAt });
    });
    const spans = [...unit.allRanges, ...(unit.communityRange ? [unit.communityRange] : [])];
    for (const span of spans) {
      const touched = await usageFactDays(db, span);
      for (const t of touched) {
        touchedCommunities.add(t.community_id);
        ctx.counts.documents += 2 * t.n;
        ctx.affected.addYears({ community: t.community_id, category: 'usage-delta', basis: null }, yearOf(span.from), yearOf(span.to));
        ctx.affected.addYears({ community: t.community_id, category: 'usage-snapshot', basis: null }, yearOf(span.from), yearOf(lastDay));
      }
      ctx.counts.days += daysBetween(span.from, span.to).length;
    }
    ctx.progress({ phase: 'usage', done: i + 1, total: units.length });
  }
  ctx.counts.communities = Math.max(ctx.counts.communities, touchedCommunities.size);
  if (bookmark !== null && bookmark !== lastDay) {
    for (const c of known) bookmarkMoved(ctx.affected, c, 'usage', bookmark, lastDay);
  }
}

function bookmarkMoved(affected: AffectedBundles, community: string, family: 'records' | 'usage', from: string, to: string): void {
  const categories = family === 'records' ? (['record-delta', 'record-snapshot'] as const) : (['usage-delta', 'usage-snapshot'] as const);
  const bases = family === 'records' ? (['added', 'created', 'published'] as const) : [null];
  for (const category of categories) {
    for (const basis of bases) affected.addYears({ community, category, basis }, yearOf(from), yearOf(to));
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
  // Each basis has a delta and a snapshot document per day from its first day to lastDay.
  const firstDays = await recordFactFirstDays(db, communities);
  return firstDays.reduce((n, first) => n + 2 * daysBetween(first, lastDay).length, 0);
}
