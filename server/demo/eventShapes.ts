/**
 * Turning a generated hit into the two input shapes: processed events (as exported from a previous
 * system: visitor id, country, referrer host, robot flag) and raw hits (as a web server logs them:
 * IP, user agent, full referrer, status).
 */
import { DAY_MS } from './calendar';
import type { Hit, ProcessedEvent, RawHit } from './events';
import type { DemoPlan } from './plan';
import type { Rng } from './random';
import { FAILED_STATUSES, NOT_MODIFIED_SHARE } from './traffic';
import { visitorFor, type DemoVisitor } from './visitors';

const hostOf = (url: string): string => new URL(url).host;

/**
 * Formatting and visitor derivation dominate generation time, so a day's date prefix and
 * recently seen visitors (popular visitors recur: the distribution is heavy-tailed) are reused.
 */
export class EventFormatter {
  private visitors = new Map<number, DemoVisitor>();
  private dayStart = NaN;
  private dayPrefix = '';
  constructor(private readonly plan: DemoPlan) {}

  visitor(hit: Hit): DemoVisitor {
    const key = hit.robot ? -1 - hit.visitor : hit.visitor;
    let v = this.visitors.get(key);
    if (!v) {
      if (this.visitors.size >= 200_000) this.visitors.clear();
      v = visitorFor(this.plan.seed, hit.visitor, { robot: hit.robot });
      this.visitors.set(key, v);
    }
    return v;
  }

  /** `new Date(ts).toISOString()`, without building a Date per event. */
  timestamp(ts: number): string {
    const start = ts - (ts % DAY_MS);
    if (start !== this.dayStart) {
      this.dayStart = start;
      this.dayPrefix = new Date(start).toISOString().slice(0, 11);
    }
    const ms = ts - start;
    const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
    const milli = ms % 1000;
    return `${this.dayPrefix}${pad2(Math.floor(ms / 3_600_000))}:${pad2(Math.floor(ms / 60_000) % 60)}:${pad2(Math.floor(ms / 1000) % 60)}.${milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : milli}Z`;
  }
}

export function toProcessed(plan: DemoPlan, hit: Hit, format: EventFormatter): ProcessedEvent {
  const visitor = format.visitor(hit);
  const timestamp = format.timestamp(hit.ts);
  const event: ProcessedEvent = { type: hit.file ? 'download' : 'view', timestamp, record_id: plan.recordIds[hit.record]! } as ProcessedEvent;
  if (hit.file) {
    event.file_key = hit.file.key;
    event.size = hit.file.size;
  }
  event.visitor_id = visitor.id;
  event.session_id = `${timestamp.slice(0, 13)}-${visitor.id}`;
  if (visitor.country) event.country = visitor.country;
  if (hit.referrer) event.referrer = hostOf(hit.referrer);
  event.is_robot = hit.robot;
  return event;
}

export function toRaw(plan: DemoPlan, hit: Hit, rng: Rng, format: EventFormatter): RawHit {
  const visitor = format.visitor(hit);
  const event: RawHit = { type: hit.file ? 'download' : 'view', timestamp: format.timestamp(hit.ts), record_id: plan.recordIds[hit.record]! } as RawHit;
  if (hit.file) event.file_key = hit.file.key;
  event.ip = visitor.ip;
  event.user_agent = visitor.userAgent;
  if (hit.referrer) event.referrer = hit.referrer;
  event.status = rawStatus(rng);
  if (visitor.userId) event.user_id = visitor.userId;
  return event;
}

function rawStatus(rng: Rng): number {
  let roll = rng();
  for (const [status, share] of FAILED_STATUSES) {
    if (roll < share) return status;
    roll -= share;
  }
  return roll < NOT_MODIFIED_SHARE ? 304 : 200;
}

