/**
 * The one import entry point the CLI, the HTTP ingest API and the demo generator share: validate
 * each NDJSON line, keep every good one (in batches), report every bad one with its line number
 * and field path.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { InvenioRecordSchema, type InputKind } from './inputs';
import type { SqlEngine } from '../storage/port';
import { resolveSubcountConfig, type SubcountConfig } from '../config/subcounts';
import { normaliseRecord, recordIssues, type NormalisedRecord } from './record';
import { parseEvent, type EventRow } from './event';
import { parseMembership, type MembershipRow } from './membership';
import { storeRecords } from './recordStore';
import { storeMemberships } from './membershipStore';
import { storeEvents } from './eventStore';
import { syncSubcountConfig } from './subcountConfig';
import { visitorSalt } from '../storage/queries/ingestState';
import { answers } from '../storage/queries/probe';
import { readFileLines } from './lines';
import { MAX_JSON_DEPTH, nestedDeeperThan, tooDeepMessage } from './jsonDepth';
import type { ImportIssue, ImportProgress, ImportSummary } from './types';

export const MAX_REPORTED_ERRORS = 100;
/** Lines validated between two turns of the event loop: a body of a million bad lines never stores a batch, the only other wait. */
const LINES_PER_TURN = 2_000;
const BATCH: Record<InputKind, number> = { records: 1_000, memberships: 5_000, events: 50_000 };
const PROGRESS_EVERY = 10_000;
const IMPORT_CHECKPOINT_THRESHOLD = '1GB';

export interface ImportOptions {
  kind: InputKind;
  lines: AsyncIterable<string> | Iterable<string>;
  /** Named in error reports: a file path, `request`, … */
  source: string;
  onProgress?: (p: ImportProgress) => void;
  /** The import time (dates derived membership changes of records without `updated`). */
  now?: Date;
  /** Visitor-hash salt; by default the installation's own, kept in the database. */
  salt?: string;
  /** By default `resolveSubcountConfig()`: the defaults, overridden by the file in REPOSTATS_SUBCOUNTS. */
  subcountConfig?: SubcountConfig;
  /** Lines per batch (one transaction each). */
  batchSize?: number;
}

type Parsed = { ok: true; value: unknown } | { ok: false; issues: { path: string; message: string }[] };
type Parser = (value: unknown) => Parsed;
/** A parsed line waiting in a batch, with its line number for the report should it fail to store. */
type Pending = { line: number; value: unknown };

export async function importLines(db: SqlEngine, opts: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  const config = opts.subcountConfig ?? resolveSubcountConfig();
  await syncSubcountConfig(db, config);
  const salt = opts.kind === 'events' ? (opts.salt ?? (await visitorSalt(db))) : '';
  const summary: ImportSummary = {
    kind: opts.kind, source: opts.source, lines: 0, imported: 0, skipped: 0, rejected: 0, errors: [], errorsOmitted: 0, durationMs: 0,
  };
  const parse = parserFor(opts.kind, { config, now, salt });
  const store = storeFor(opts.kind, db, now);
  const batchSize = opts.batchSize ?? BATCH[opts.kind];
  let batch: Pending[] = [];
  // One batch is stored while the next is parsed: the database works on its own threads, so
  // parsing and storing overlap. At most one store is in flight, so batches land in order.
  let storing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await storing;
    if (batch.length === 0) return;
    const full = batch;
    batch = [];
    storing = storeOrSplit(full);
    // Marked handled here; the failure still surfaces at the next `await storing`.
    storing.catch(() => undefined);
  };
  // DuckDB checkpoints every 16 MB of WAL by default, rewriting the growing events key index each
  // time: on large imports that made the cost grow with the table. Checkpoint rarely while importing.
  const relaxCheckpoints = db.dialect === 'duckdb' && opts.kind === 'events';
  if (relaxCheckpoints) await db.exec(`SET checkpoint_threshold = '${IMPORT_CHECKPOINT_THRESHOLD}'`);
  try {
    await readAll();
  } finally {
    if (relaxCheckpoints) await db.exec('RESET checkpoint_threshold');
  }
  summary.durationMs = Date.now() - started;
  return summary;

  /**
   * Store a batch; when the database refuses it, store its halves, down to single lines, so the one
   * line it cannot hold is reported with its line number and the good lines around it are kept.
   * A database that no longer answers at all fails the import instead.
   */
  async function storeOrSplit(items: Pending[]): Promise<void> {
    try {
      const { imported, skipped } = await store(items.map((i) => i.value));
      summary.imported += imported;
      summary.skipped += skipped;
    } catch (error) {
      if (!(await answers(db))) throw error;
      if (items.length === 1) {
        summary.rejected += 1;
        report(summary, { source: opts.source, line: items[0]!.line, path: '(line)', message: `could not be stored: ${(error as Error).message}` });
        return;
      }
      const half = Math.ceil(items.length / 2);
      await storeOrSplit(items.slice(0, half));
      await storeOrSplit(items.slice(half));
    }
  }

  async function readAll(): Promise<void> {
    let lineNo = 0;
    for await (const text of opts.lines) {
      lineNo += 1;
      if (text.trim() === '') continue;
      summary.lines += 1;
      const result = parseLine(text, parse);
      if (result.ok) {
        batch.push({ line: lineNo, value: result.value });
        if (batch.length >= batchSize) await flush();
      } else {
        summary.rejected += 1;
        for (const issue of result.issues) report(summary, { source: opts.source, line: lineNo, ...issue });
      }
      if (opts.onProgress && summary.lines % PROGRESS_EVERY === 0) opts.onProgress({ lines: summary.lines });
      if (lineNo % LINES_PER_TURN === 0) await nextTurn();
    }
    await flush();
    await storing;
    opts.onProgress?.({ lines: summary.lines });
  }
}

/** Import one NDJSON file (plain or .gz), reporting progress in bytes as well as lines. */
export async function importFile(
  db: SqlEngine,
  opts: Omit<ImportOptions, 'lines' | 'source'> & { path: string; source?: string },
): Promise<ImportSummary> {
  const file = await readFileLines(opts.path);
  const { onProgress } = opts;
  return importLines(db, {
    ...opts,
    lines: file.lines,
    source: opts.source ?? opts.path,
    onProgress: onProgress && ((p) => onProgress({ ...p, bytes: file.bytesRead(), totalBytes: file.totalBytes })),
  });
}

function report(summary: ImportSummary, issue: ImportIssue): void {
  if (summary.errors.length < MAX_REPORTED_ERRORS) summary.errors.push(issue);
  else summary.errorsOmitted += 1;
}

function parseLine(text: string, parse: Parser): Parsed {
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) return { ok: false, issues: [{ path: '(line)', message: tooDeepMessage }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '(line)', message: `invalid JSON: ${(error as Error).message}` }] };
  }
  const result = parse(value);
  if (result.ok) return result;
  return { ok: false, issues: result.issues.map((i) => ({ path: i.path === '' ? '(line)' : i.path, message: i.message })) };
}

function zodIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

function parserFor(kind: InputKind, ctx: { config: SubcountConfig; now: Date; salt: string }): Parser {
  switch (kind) {
    case 'records':
      return (value) => {
        const r = InvenioRecordSchema.safeParse(value);
        if (!r.success) return { ok: false, issues: zodIssues(r.error.issues) };
        const normalised = normaliseRecord(r.data, { config: ctx.config, now: ctx.now });
        const issues = recordIssues(r.data, normalised, ctx.now);
        return issues.length ? { ok: false, issues } : { ok: true, value: normalised };
      };
    case 'memberships':
      return (value) => {
        const r = parseMembership(value, { now: ctx.now });
        return r.ok ? { ok: true, value: r.row } : r;
      };
    case 'events':
      return (value) => {
        const r = parseEvent(value, { salt: ctx.salt, now: ctx.now });
        return r.ok ? { ok: true, value: r.row } : r;
      };
  }
}

function storeFor(kind: InputKind, db: SqlEngine, now: Date): (batch: unknown[]) => Promise<{ imported: number; skipped: number }> {
  switch (kind) {
    case 'records':
      return (batch) => storeRecords(db, batch as NormalisedRecord[], { now });
    case 'memberships':
      return (batch) => storeMemberships(db, batch as MembershipRow[], { now });
    case 'events':
      return (batch) => storeEvents(db, batch as EventRow[]);
  }
}
