/**
 * The skeleton of a demo repository: for every record, when it was created, whether and when it
 * was deleted, how popular it is, which parent it versions, who owns it, and its community history.
 * Kept in typed arrays (a few dozen bytes per record) so even the 1M-record size fits in memory;
 * the full record JSON is rebuilt on demand from the record's own random stream (records.ts).
 */
import { DAY_MS, dayStartMs } from './calendar';
import { chance, intBetween, pareto, pidFor, streamFor, uuidFor, weightedSampler, type Rng } from './random';
import { DEMO_SIZES, type DemoSizeName } from './sizes';
import { COMMUNITY_THEMES } from './people';
import { RESOURCE_TYPES } from './vocabularies';

export const NONE = -1;
/** Salts for the separate random streams, so adding draws to one never shifts another. */
export const SALT = { plan: 1, record: 2, files: 3, day: 4, visitor: 5, pidRecord: 6, pidParent: 7, community: 8 } as const;

export interface DemoCommunity {
  id: string;
  slug: string;
  title: string;
  /** Before this moment no record joins it. */
  foundedMs: number;
}

export interface DemoPlan {
  seed: number;
  size: DemoSizeName;
  startMs: number;
  /** Exclusive: 00:00 UTC of the day after the end date. */
  endMs: number;
  records: number;
  plannedEvents: number;
  communities: DemoCommunity[];
  recordIds: string[];
  createdMs: Float64Array;
  /** 00:00 UTC of the deletion day, or Infinity. */
  removedMs: Float64Array;
  /** Running sum of popularity weights in creation order (for O(log n) weighted picks). */
  cumWeight: Float64Array;
  parentIndex: Uint32Array;
  ownerIndex: Uint32Array;
  resourceType: Uint8Array;
  /** 1 when files are enabled, present and public (downloads possible). */
  downloadable: Uint8Array;
  /** 1 when files are enabled and present at all (restricted files count as files). */
  withFiles: Uint8Array;
  /** Communities at the end of the history (NONE when absent). */
  finalCommunity: Int32Array;
  secondCommunity: Int32Array;
  /** The community a record left (moved away from or dropped), NONE otherwise. */
  formerCommunity: Int32Array;
  joinMs: Float64Array;
  /** When it left `formerCommunity` (and joined `finalCommunity` if it moved). */
  leaveMs: Float64Array;
}

const resourceTypeSampler = weightedSampler(RESOURCE_TYPES.map((t, i) => [i, t.weight] as const));

/** Creation position in [0, 1): a legacy import burst at the start, then steady growth. */
function creationPosition(p: number): number {
  const burst = 0.12;
  if (p < burst) return (p / burst) * 0.02;
  const q = (p - burst) / (1 - burst);
  const growth = 1.5;
  const x = (-1 + Math.sqrt(1 + 2 * growth * q * (1 + growth / 2))) / growth;
  return 0.02 + 0.98 * x;
}

function planCommunities(seed: number, count: number, startMs: number, spanMs: number): DemoCommunity[] {
  const rng = streamFor(seed, SALT.community);
  return Array.from({ length: count }, (_, c) => {
    const theme = COMMUNITY_THEMES[c % COMMUNITY_THEMES.length]!;
    const round = Math.floor(c / COMMUNITY_THEMES.length);
    const title = round === 0 ? theme : `${theme} ${round + 1}`;
    // The first few communities exist from the start; later ones are founded over time.
    const foundedMs = c < 3 ? startMs : startMs + Math.floor(rng() * 0.8 * spanMs);
    return { id: uuidFor(seed, SALT.community, c), slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'), title, foundedMs };
  });
}

export function planDemo(options: { size: DemoSizeName; seed: number; endDate: string }): DemoPlan {
  const { size, seed } = options;
  const spec = DEMO_SIZES[size];
  const n = spec.records;
  const endMs = dayStartMs(options.endDate) + DAY_MS;
  // Exactly `years` calendar years, ending on the end date: 2026-06-30 → from 2024-07-01.
  const end = new Date(endMs - DAY_MS);
  const startMs = Date.UTC(end.getUTCFullYear() - spec.years, end.getUTCMonth(), end.getUTCDate() + 1);
  const spanMs = endMs - startMs;
  const communities = planCommunities(seed, spec.communities, startMs, spanMs);
  // Heavy-tailed community sizes: a few large ones, many small ones.
  const pickCommunity = weightedSampler(communities.map((_, c) => [c, 1 / Math.pow(c + 1, 1.1)] as const));
  const plan: DemoPlan = {
    seed, size, startMs, endMs, records: n, plannedEvents: spec.events, communities,
    recordIds: new Array<string>(n),
    createdMs: new Float64Array(n), removedMs: new Float64Array(n).fill(Infinity), cumWeight: new Float64Array(n),
    parentIndex: new Uint32Array(n), ownerIndex: new Uint32Array(n), resourceType: new Uint8Array(n),
    downloadable: new Uint8Array(n), withFiles: new Uint8Array(n),
    finalCommunity: new Int32Array(n).fill(NONE), secondCommunity: new Int32Array(n).fill(NONE),
    formerCommunity: new Int32Array(n).fill(NONE), joinMs: new Float64Array(n), leaveMs: new Float64Array(n).fill(NaN),
  };
  const uploaders = Math.max(5, Math.round(n / 4));
  let total = 0;
  for (let i = 0; i < n; i++) {
    const rng = streamFor(seed, SALT.plan, i);
    plan.recordIds[i] = pidFor(seed, SALT.pidRecord, i);
    const created = startMs + Math.floor(creationPosition((i + rng()) / n) * (spanMs - DAY_MS));
    plan.createdMs[i] = created;
    const isVersion = i > 10 && chance(rng, 0.1);
    const previous = isVersion ? i - intBetween(rng, 1, Math.min(i, 500)) : i;
    plan.parentIndex[i] = isVersion ? plan.parentIndex[previous]! : i;
    plan.ownerIndex[i] = isVersion ? plan.ownerIndex[previous]! : Math.floor(uploaders * Math.pow(rng(), 2.2));
    plan.resourceType[i] = isVersion ? plan.resourceType[previous]! : resourceTypeSampler(rng);
    const metadataOnly = chance(rng, 0.14);
    plan.withFiles[i] = metadataOnly ? 0 : 1;
    plan.downloadable[i] = metadataOnly || chance(rng, 0.1) ? 0 : 1;
    if (chance(rng, 0.03)) {
      const removed = Math.floor((created + intBetween(rng, 7, 400) * DAY_MS) / DAY_MS) * DAY_MS;
      if (removed < endMs) plan.removedMs[i] = removed;
    }
    total += Math.min(pareto(rng, 1.1), 2000) * (metadataOnly ? 0.5 : 1);
    plan.cumWeight[i] = total;
    if (isVersion) copyCommunities(plan, previous, i);
    else planMemberships(plan, i, rng, pickCommunity);
  }
  return plan;
}

/**
 * Communities belong to the parent in InvenioRDM, so a new version shares the history of the
 * version it follows from its own creation on.
 */
function copyCommunities(plan: DemoPlan, from: number, to: number): void {
  const created = plan.createdMs[to]!;
  const lastMs = Math.min(plan.endMs, plan.removedMs[to]!) - DAY_MS;
  const join = Math.max(created, plan.joinMs[from]!);
  const leave = plan.leaveMs[from]!;
  const inFormerAtCreation = plan.formerCommunity[from] !== NONE && leave > created;
  if (join >= lastMs) return;
  plan.joinMs[to] = join;
  plan.secondCommunity[to] = plan.secondCommunity[from]!;
  if (!inFormerAtCreation) {
    plan.finalCommunity[to] = plan.finalCommunity[from]!;
  } else if (leave < lastMs) {
    plan.formerCommunity[to] = plan.formerCommunity[from]!;
    plan.leaveMs[to] = leave;
    plan.finalCommunity[to] = plan.finalCommunity[from]!;
  } else {
    // The move came after this version was gone: it never left.
    plan.finalCommunity[to] = plan.formerCommunity[from]!;
  }
}

/** Community history of a first version: join (often later than creation), sometimes move or leave. */
function planMemberships(plan: DemoPlan, i: number, rng: Rng, pickCommunity: (rng: Rng) => number): void {
  if (!chance(rng, 0.82)) return;
  const created = plan.createdMs[i]!;
  const lastMs = Math.min(plan.endMs, plan.removedMs[i]!) - DAY_MS;
  const first = pickCommunity(rng);
  const community = plan.communities[first]!;
  const delay = chance(rng, 0.2) ? intBetween(rng, 1, 300) * DAY_MS : 0;
  const join = Math.max(created + delay, community.foundedMs + Math.floor(rng() * 20 * DAY_MS));
  if (join >= lastMs) return;
  plan.joinMs[i] = join;
  plan.finalCommunity[i] = first;
  if (chance(rng, 0.12)) {
    const second = pickCommunity(rng);
    if (second !== first && plan.communities[second]!.foundedMs <= join) plan.secondCommunity[i] = second;
  }
  const roll = rng();
  const leave = join + (30 + Math.floor(rng() * 400)) * DAY_MS;
  if (roll < 0.07 && leave < lastMs) {
    // Moved: removed from the first community, added to another the same day.
    const target = pickCommunity(rng);
    if (target === first || target === plan.secondCommunity[i] || plan.communities[target]!.foundedMs > leave) return;
    plan.formerCommunity[i] = first;
    plan.finalCommunity[i] = target;
    plan.leaveMs[i] = leave;
  } else if (roll < 0.09 && leave < lastMs) {
    // Dropped: curators removed it and it went nowhere else.
    plan.formerCommunity[i] = first;
    plan.finalCommunity[i] = NONE;
    plan.leaveMs[i] = leave;
  }
}

/** The parent's id (versions of one work share it). */
export function parentIdOf(plan: DemoPlan, i: number): string {
  return pidFor(plan.seed, SALT.pidParent, plan.parentIndex[i]!);
}

/** Community ids a record lists at the end of its history, primary first. */
export function finalCommunityIds(plan: DemoPlan, i: number): string[] {
  return [plan.finalCommunity[i]!, plan.secondCommunity[i]!].filter((c) => c !== NONE).map((c) => plan.communities[c]!.id);
}
