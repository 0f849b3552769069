/**
 * Which usage facts a run recomputes, as one unit of work per calendar month.
 *
 * Dirty usage days come in two flavours (see server/ingest): `community_id = '*'` marks exact days
 * whose events changed (every community, those days only); a named community marks the day from
 * which that community's attribution changed (membership or record history), so that community
 * is recomputed from there up to the bookmark. Days after the bookmark are new for everyone.
 */
import { addDays, dayRanges, daysBetween, maxDay, minDay } from './days';

export type UsageDirt = {
  community_id: string;
  day: string;
};

export interface UsageUnit {
  /** The month this unit covers, `YYYY-MM`; dirty rows up to its last day are settled by it. */
  month: string;
  monthEnd: string;
  /** Ranges recomputed for every community (new days and '*' days). */
  allRanges: { from: string; to: string }[];
  /** Communities recomputed over `communityRange`, and whether their dirt continues next month. */
  communities: string[];
  communityRange: { from: string; to: string } | null;
  carryOver: boolean;
  /** The bookmark after this unit, when it holds new days. */
  advancesTo: string | null;
}

function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addDays(monthEnd(m), 1).slice(0, 7)) out.push(m);
  return out;
}

export function planUsage(args: {
  bookmark: string | null;
  firstEvent: string | null;
  lastDay: string;
  dirt: readonly UsageDirt[];
}): UsageUnit[] {
  const { bookmark, firstEvent, lastDay } = args;
  const freshFrom = bookmark ? addDays(bookmark, 1) : firstEvent;
  const fresh = freshFrom ? daysBetween(freshFrom, lastDay) : [];
  const stars = args.dirt.filter((d) => d.community_id === '*' && d.day <= lastDay).map((d) => d.day);
  const starts = new Map<string, string>();
  for (const d of args.dirt) {
    // Named dirt after the bookmark is covered by the new days, which recompute every community.
    if (d.community_id === '*' || bookmark === null || d.day > bookmark) continue;
    starts.set(d.community_id, minDay(starts.get(d.community_id) ?? null, d.day) as string);
  }
  const allDays = [...new Set([...fresh, ...stars])].sort();
  const firstNamed = [...starts.values()].sort()[0];
  const months = new Set<string>(allDays.map((d) => d.slice(0, 7)));
  if (firstNamed && bookmark) for (const m of monthsBetween(firstNamed, bookmark)) months.add(m);
  // Dirty rows before anything to do still need settling: the first unit clears them.
  return [...months].sort().map((month) => {
    const end = monthEnd(month);
    const inMonth = allDays.filter((d) => d.slice(0, 7) === month);
    const communities = [...starts.entries()].filter(([, s]) => s <= end).map(([c]) => c).sort();
    const earliest = communities.map((c) => starts.get(c) as string).sort()[0];
    const communityRange = communities.length && bookmark && earliest
      ? { from: maxDay(`${month}-01`, earliest) as string, to: minDay(end, bookmark) as string }
      : null;
    const newDays = inMonth.filter((d) => d > (bookmark ?? ''));
    return {
      month,
      monthEnd: end,
      allRanges: dayRanges(inMonth),
      communities: communityRange && communityRange.from <= communityRange.to ? communities : [],
      communityRange: communityRange && communityRange.from <= communityRange.to ? communityRange : null,
      carryOver: bookmark !== null && end < bookmark,
      advancesTo: newDays.length ? (newDays[newDays.length - 1] as string) : null,
    };
  });
}
