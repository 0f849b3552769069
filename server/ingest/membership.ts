/**
 * Membership history rules, pure. A (record, community)'s history is its membership events in date
 * order; its state is the last event's action. A record import adds a 'derived' event only where
 * the record's current communities disagree with that state, so explicit history imported from the
 * repository is never overwritten, only continued.
 */
import type { z } from 'zod';
import { GLOBAL } from '../../src/core/kinds';
import { MembershipEventSchema, ReferenceCommunityEventSchema, membershipEventShape } from './inputs';
import { inputTime, utcDay } from './time';

export interface MembershipRow {
  record_id: string;
  community_id: string;
  action: 'added' | 'removed';
  date: string;
  source: 'explicit' | 'derived';
}

export const MEMBERSHIP_COLUMNS = ['record_id', 'community_id', 'action', 'date', 'source'] as const;

export function membershipValues(m: MembershipRow): unknown[] {
  return MEMBERSHIP_COLUMNS.map((c) => m[c]);
}

export type MembershipParse =
  | { ok: true; row: MembershipRow }
  | { ok: false; issues: { path: string; message: string }[] };

/**
 * Validate one parsed membership line — ours (`{record_id, community_id, action, date}`) or the
 * reference's `stats-community-events` document, bare or as a search hit — into an explicit row.
 */
export function parseMembership(value: unknown, options: { now?: Date } = {}): MembershipParse {
  const now = options.now ?? new Date();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, issues: [{ path: '', message: 'expected a JSON object' }] };
  }
  const hit = value as Record<string, unknown>;
  const source = hit['_source'] && typeof hit['_source'] === 'object' ? (hit['_source'] as Record<string, unknown>) : hit;
  if (membershipEventShape(source) === 'reference') {
    return toRow(ReferenceCommunityEventSchema, source, now, (e) => ({ record_id: e.record_id, community_id: e.community_id, action: e.event_type, when: e.event_date, path: 'event_date' }));
  }
  return toRow(MembershipEventSchema, source, now, (e) => ({ record_id: e.record_id, community_id: e.community_id, action: e.action, when: e.date, path: 'date' }));
}

function toRow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  now: Date,
  pick: (e: z.output<S>) => { record_id: string; community_id: string; action: 'added' | 'removed'; when: string; path: string },
): MembershipParse {
  const result = schema.safeParse(value);
  if (!result.success) return { ok: false, issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  const { when, path, ...rest } = pick(result.data);
  const at = inputTime(when, now);
  if (typeof at === 'string') return { ok: false, issues: [{ path, message: at === 'not a valid date-time' ? 'not a valid date' : at }] };
  return { ok: true, row: { ...rest, date: utcDay(at), source: 'explicit' } };
}

/** Events of one (record, community) sorted by date; on the same day a removal follows an addition. */
export function sortHistory(rows: readonly MembershipRow[]): MembershipRow[] {
  return [...rows].sort((a, b) => (a.date === b.date ? a.action.localeCompare(b.action) : a.date < b.date ? -1 : 1));
}

export function isMember(history: readonly MembershipRow[]): boolean {
  return sortHistory(history).at(-1)?.action === 'added';
}

/**
 * The derived events that bring the history in line with the record's current communities.
 *
 * @param firstSeen the record was not in the database before: a community with no history at
 *   all is dated by the record's creation (as the reference's back-fill does), not the import day.
 * @param changeDay the day a difference is dated otherwise: the record's `updated`, else the import day.
 */
export function deriveMemberships(options: {
  recordId: string;
  current: readonly string[];
  history: readonly MembershipRow[];
  firstSeen: boolean;
  createdDay: string;
  changeDay: string;
}): MembershipRow[] {
  const byCommunity = new Map<string, MembershipRow[]>();
  for (const c of options.current) byCommunity.set(c, []);
  for (const h of options.history) byCommunity.set(h.community_id, [...(byCommunity.get(h.community_id) ?? []), h]);
  const derived: MembershipRow[] = [];
  for (const [community, history] of byCommunity) {
    if (community === GLOBAL) continue;
    const want = options.current.includes(community);
    if (isMember(history) === want) continue;
    const last = sortHistory(history).at(-1)?.date;
    let date = want && history.length === 0 && options.firstSeen ? options.createdDay : options.changeDay;
    // A change can't precede the history it continues.
    if (last && date < last) date = last;
    derived.push({
      record_id: options.recordId,
      community_id: community,
      action: want ? 'added' : 'removed',
      date,
      source: 'derived',
    });
  }
  return derived;
}
