/**
 * Demo usage, day by day: volume follows the holdings' growth, the weekly and seasonal rhythm and
 * some noise; each hit picks a record by heavy-tailed popularity (new records get a bump, crawlers
 * pick uniformly), a visitor, an hour, a referrer. Some humans double-click (a repeat within 30 s).
 * The older part of the history comes as processed events (as exported from a previous system),
 * the recent part as raw hits (as a web server logs them), including failed requests.
 */
import { DAY_MS, dayRhythm, HOUR_WEIGHTS } from './calendar';
import { SALT, type DemoPlan } from './plan';
import { recordFiles, type DemoFile } from './records';
import { chance, hash32, logNormal, streamFor, upperBound, weightedSampler, type Rng } from './random';
import { REFERRERS } from './traffic';
import { RESOURCE_TYPES } from './vocabularies';
import { EventFormatter, toProcessed, toRaw } from './eventShapes';

export interface ProcessedEvent {
  type: 'view' | 'download';
  timestamp: string;
  record_id: string;
  file_key?: string;
  size?: number;
  visitor_id: string;
  session_id: string;
  country?: string;
  referrer?: string;
  is_robot: boolean;
}

export interface RawHit {
  type: 'view' | 'download';
  timestamp: string;
  record_id: string;
  file_key?: string;
  ip: string;
  user_agent: string;
  referrer?: string;
  status: number;
  user_id?: string;
}

export type DemoEvent = ProcessedEvent | RawHit;

/** Share of hits by crawlers, and of human hits repeated within 30 s (a chain continues at 30 %). */
export const BOT_SHARE = 0.1;
export const DOUBLE_CLICK_SHARE = 0.05;
/** Days before this share of the period come as processed events, later ones as raw hits. */
export const PROCESSED_SHARE = 0.6;

const hourSampler = weightedSampler(HOUR_WEIGHTS.map((w, h) => [h, w] as const));
const referrerSampler = weightedSampler(REFERRERS);

export interface Hit {
  ts: number;
  record: number;
  file: DemoFile | null;
  visitor: number;
  robot: boolean;
  referrer: string | null;
}

/** Events per day, scaled so the period's total (with double clicks) is about the planned count. */
export function dailyVolumes(plan: DemoPlan): number[] {
  const days = eventDays(plan);
  const raw: number[] = [];
  for (let d = 0; d < days; d++) {
    const dayStart = plan.startMs + d * DAY_MS;
    const alive = upperBound(plan.createdMs, dayStart + DAY_MS - 1);
    const noise = logNormal(streamFor(plan.seed, SALT.day, d), 1, 0.15);
    raw.push(Math.pow(alive, 0.85) * dayRhythm(dayStart) * noise);
  }
  const expectedRepeats = 1 + (1 - BOT_SHARE) * DOUBLE_CLICK_SHARE * 1.3;
  const scale = plan.plannedEvents / expectedRepeats / raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => Math.round(r * scale));
}

function pickRecord(plan: DemoPlan, rng: Rng, range: { alive: number; recentFrom: number; robot: boolean }): number {
  const { alive, recentFrom, robot } = range;
  if (robot) return Math.floor(rng() * alive);
  if (recentFrom < alive && chance(rng, 0.12)) return recentFrom + Math.floor(rng() * (alive - recentFrom));
  return upperBound(plan.cumWeight, rng() * plan.cumWeight[alive - 1]!, alive);
}

function dayHits(plan: DemoPlan, day: number, count: number, fileCache: Map<number, DemoFile[]>): Hit[] {
  const rng = streamFor(plan.seed, hash32(SALT.day, 1), day);
  const dayStart = plan.startMs + day * DAY_MS;
  const dayEnd = dayStart + DAY_MS;
  const alive = upperBound(plan.createdMs, dayEnd - 1);
  if (alive === 0) return [];
  const recentFrom = upperBound(plan.createdMs, dayStart - 14 * DAY_MS);
  const humans = Math.max(50, Math.round(plan.plannedEvents / 12));
  const hits: Hit[] = [];
  for (let k = 0; k < count; k++) {
    const robot = chance(rng, BOT_SHARE);
    let record = -1;
    for (let attempt = 0; attempt < 4 && record < 0; attempt++) {
      const candidate = pickRecord(plan, rng, { alive, recentFrom, robot });
      if (plan.removedMs[candidate]! > dayStart) record = candidate;
    }
    if (record < 0) continue;
    const created = plan.createdMs[record]!;
    let ts = dayStart + hourSampler(rng) * 3_600_000 + Math.floor(rng() * 3_600_000);
    if (ts <= created) ts = created + 1 + Math.floor(rng() * (dayEnd - created - 1));
    if (ts >= dayEnd) continue;
    const affinity = RESOURCE_TYPES[plan.resourceType[record]!]!.downloadAffinity;
    let file: DemoFile | null = null;
    if (plan.downloadable[record] && chance(rng, robot ? 0.15 : 0.35 * affinity)) {
      let files = fileCache.get(record);
      if (!files) fileCache.set(record, (files = recordFiles(plan, record)));
      file = chance(rng, 0.7) ? files[0]! : files[Math.floor(rng() * files.length)]!;
    }
    const visitor = robot ? Math.floor(rng() * 40) : Math.floor(humans * Math.pow(rng(), 2.5));
    const referrer = robot ? null : referrerSampler(rng);
    hits.push({ ts, record, file, visitor, robot, referrer });
    if (!robot && chance(rng, DOUBLE_CLICK_SHARE)) {
      let repeatTs = ts;
      do {
        repeatTs += 1000 + Math.floor(rng() * 28_000);
        if (repeatTs >= dayEnd) break;
        hits.push({ ts: repeatTs, record, file, visitor, robot, referrer });
      } while (chance(rng, 0.3));
    }
  }
  return hits.sort((a, b) => a.ts - b.ts);
}

const volumeCache = new WeakMap<DemoPlan, number[]>();

/** All usage events of the plan (or of days [fromDay, toDay)), in time order, one day in memory at a time. */
export function* generateEvents(plan: DemoPlan, range: { fromDay?: number; toDay?: number } = {}): Generator<DemoEvent> {
  let volumes = volumeCache.get(plan);
  if (!volumes) volumeCache.set(plan, (volumes = dailyVolumes(plan)));
  const processedDays = Math.floor(volumes.length * PROCESSED_SHARE);
  const fileCache = new Map<number, DemoFile[]>();
  const format = new EventFormatter(plan);
  const toDay = Math.min(range.toDay ?? volumes.length, volumes.length);
  for (let day = range.fromDay ?? 0; day < toDay; day++) {
    if (fileCache.size > 50_000) fileCache.clear();
    const hits = dayHits(plan, day, volumes[day]!, fileCache);
    const statusRng = streamFor(plan.seed, hash32(SALT.day, 2), day);
    for (const hit of hits) yield day < processedDays ? toProcessed(plan, hit, format) : toRaw(plan, hit, statusRng, format);
  }
}

/** Number of days the plan's usage spans (event generation can be split by day ranges). */
export function eventDays(plan: DemoPlan): number {
  return Math.round((plan.endMs - plan.startMs) / DAY_MS);
}
