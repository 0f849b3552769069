/**
 * A usage-event line (processed, raw hit, or the reference's export) → the row stored in `events`.
 * Each row carries an idempotency key derived from its identifying fields, so importing a file
 * twice stores nothing twice.
 */
import type { z } from 'zod';
import {
  ProcessedEventSchema,
  RawHitSchema,
  ReferenceEventSchema,
  usageEventShape,
  type ProcessedEvent,
  type RawHit,
  type ReferenceEvent,
} from './inputs';
import { inputTime } from './time';
import { countryOf, fastKey, isRobot, referrerHost, sessionId, shortHash, visitorId } from './visitor';
import { fileSize } from './extract';

export const EVENT_COLUMNS = [
  'event_key', 'type', 'ts', 'day', 'record_id', 'file_key', 'size', 'visitor_id',
  'session_id', 'country', 'referrer', 'is_robot', 'ok',
] as const;

export interface EventRow {
  event_key: string;
  type: 'view' | 'download';
  ts: string;
  day: string;
  record_id: string;
  file_key: string | null;
  size: number | null;
  visitor_id: string;
  session_id: string;
  country: string | null;
  referrer: string | null;
  is_robot: boolean;
  ok: boolean;
}

export function eventRowValues(row: EventRow): unknown[] {
  return EVENT_COLUMNS.map((c) => row[c]);
}

export type EventParse =
  | { ok: true; row: EventRow }
  | { ok: false; issues: { path: string; message: string }[] };

/** Validate one parsed line in whichever shape it has and normalise it. */
/** `now` dates the accepted window: a timestamp after tomorrow (UTC) or before 1990 rejects the line. */
export function parseEvent(value: unknown, options: { salt: string; now?: Date }): EventParse {
  const now = options.now ?? new Date();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, issues: [{ path: '', message: 'expected a JSON object' }] };
  }
  // The reference's exports may be whole search hits: the event is their `_source`.
  const hit = value as Record<string, unknown>;
  const source = hit['_source'] && typeof hit['_source'] === 'object' ? (hit['_source'] as Record<string, unknown>) : hit;
  const shape = usageEventShape(source);
  if (shape === 'reference') {
    return validated(ReferenceEventSchema, source, (e) => fromReference(e, typeof hit['_index'] === 'string' ? hit['_index'] : '', now));
  }
  if (shape === 'raw') return validated(RawHitSchema, source, (e) => fromRaw(e, options.salt, now));
  return validated(ProcessedEventSchema, source, (e) => fromProcessed(e, now));
}

function validated<S extends z.ZodType>(schema: S, value: unknown, build: (v: z.infer<S>) => EventRow | string): EventParse {
  const result = schema.safeParse(value);
  if (!result.success) {
    return { ok: false, issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  }
  const row = build(result.data);
  return typeof row === 'string' ? { ok: false, issues: [{ path: 'timestamp', message: row }] } : { ok: true, row };
}

const okStatus = (status: number | undefined) => status === undefined || status === 200 || status === 304;

function fromProcessed(e: ProcessedEvent, now: Date): EventRow | string {
  const at = inputTime(e.timestamp, now);
  if (typeof at === 'string') return at;
  const ts = at.toISOString();
  const fileKey = e.file_key ?? null;
  return {
    event_key: e.event_id ?? fastKey('p', e.type, ts, e.record_id, fileKey, e.visitor_id, e.session_id),
    type: e.type,
    ts,
    day: ts.slice(0, 10),
    record_id: e.record_id,
    file_key: fileKey,
    size: e.size === null || e.size === undefined ? null : fileSize(e.size),
    visitor_id: e.visitor_id,
    session_id: e.session_id || sessionId({ ts, visitorId: e.visitor_id }),
    country: e.country ? e.country.toUpperCase() : null,
    referrer: referrerHost(e.referrer),
    is_robot: e.is_robot ?? (e.user_agent !== undefined && isRobot(e.user_agent)),
    ok: okStatus(e.status),
  };
}

function fromRaw(e: RawHit, salt: string, now: Date): EventRow | string {
  const at = inputTime(e.timestamp, now);
  if (typeof at === 'string') return at;
  const ts = at.toISOString();
  const day = ts.slice(0, 10);
  const userId = e.user_id === null || e.user_id === undefined ? null : String(e.user_id);
  const visitor = visitorId({ salt, day, userId, ip: e.ip, userAgent: e.user_agent });
  const fileKey = e.file_key ?? null;
  return {
    // Salted, so the key cannot be used to test guesses of an IP address.
    event_key: shortHash('r', salt, e.type, ts, e.record_id, fileKey, e.ip, e.user_agent, e.status),
    type: e.type,
    ts,
    day,
    record_id: e.record_id,
    file_key: fileKey,
    size: e.size === null || e.size === undefined ? null : fileSize(e.size),
    visitor_id: visitor,
    session_id: sessionId({ ts, visitorId: visitor }),
    country: countryOf(e.ip),
    referrer: referrerHost(e.referrer),
    is_robot: isRobot(e.user_agent),
    ok: okStatus(e.status),
  };
}

function fromReference(e: ReferenceEvent, index: string, now: Date): EventRow | string {
  const at = inputTime(e.timestamp, now);
  if (typeof at === 'string') return at;
  const ts = at.toISOString();
  const fileKey = e.file_key ?? null;
  const type = referenceType(e, index, fileKey);
  return {
    event_key: fastKey('x', type, ts, e.recid, fileKey, e.visitor_id, e.unique_session_id),
    type,
    ts,
    day: ts.slice(0, 10),
    record_id: e.recid,
    file_key: fileKey,
    size: e.size === null || e.size === undefined ? null : fileSize(e.size),
    visitor_id: e.visitor_id,
    session_id: e.unique_session_id || sessionId({ ts, visitorId: e.visitor_id }),
    country: e.country ? e.country.toUpperCase() : null,
    referrer: referrerHost(e.referrer),
    is_robot: e.is_robot ?? false,
    ok: true,
  };
}

function referenceType(e: ReferenceEvent, index: string, fileKey: string | null): 'view' | 'download' {
  if (e.type) return e.type;
  const hint = `${e.event_type ?? ''} ${index}`;
  if (/download/i.test(hint)) return 'download';
  if (/view/i.test(hint)) return 'view';
  return fileKey ? 'download' : 'view';
}
