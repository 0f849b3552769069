/**
 * `repostats harvest --from https://site/api/records`: page through an InvenioRDM records API and
 * upsert every record with the one importer (`importLines`; deleted records carry their
 * `deletion_status` / `tombstone` and leave on their removal date).
 *
 * - Incremental: a run asks for `updated:>=` the previous complete run's newest `updated` (or the
 *   server's clock when that run began, if earlier, so a record changed during a run is never
 *   missed); `full` asks for everything.
 * - Resumable: after each page the cursor (the next page's URL, the window, the counts) is stored
 *   in `ingest_state`; a run that stops for any reason continues there next time.
 * - Windows of at most `window` hits per search, past OpenSearch's 10,000-hit limit (see query.ts).
 */
import type { SubcountConfig } from '../config/subcounts';
import { importLines, type ImportIssue } from '../ingest';
import { isDeletedRecord } from '../ingest/record';
import type { SqlEngine } from '../storage/port';
import { fetchPage, HarvestError, type FetchOptions } from './fetchPage';
import { earlierOf, laterOf, windowUrl, type WindowQuery } from './query';
import { EMPTY_STATE, readHarvestState, writeHarvestState, type HarvestCursor, type HarvestState } from './state';

export interface HarvestOptions extends Pick<FetchOptions, 'token' | 'retries' | 'backoffMs' | 'timeoutMs' | 'onRetry'> {
  from: string;
  /** Records per page (default 100). */
  size?: number;
  /** Hits per search before a new window starts (default 10,000, OpenSearch's limit). */
  window?: number;
  /** Ask for deleted records too (default true; the server gives them to tokens allowed to see them). */
  includeDeleted?: boolean;
  /** An extra search query, ANDed with the harvest's own. */
  query?: string;
  /** Ignore the stored state: harvest everything from the start. */
  full?: boolean;
  /** Stop after this many pages (the run resumes next time). */
  maxPages?: number;
  onProgress?: (p: { pages: number; records: number; total: number | null }) => void;
  now?: () => Date;
  subcountConfig?: SubcountConfig;
}

export interface HarvestReport {
  from: string;
  /** The `updated:>=` filter of this run (null: everything). */
  since: string | null;
  resumed: boolean;
  /** False when the run stopped at `maxPages` before the last page. */
  complete: boolean;
  pages: number;
  records: number;
  imported: number;
  /** Unchanged since the last harvest. */
  skipped: number;
  rejected: number;
  /** Records harvested as deleted (tombstones). */
  deleted: number;
  errors: ImportIssue[];
  /** The next run's `updated:>=` filter. */
  nextSince: string | null;
  durationMs: number;
}

const ERRORS_KEPT = 20;

export async function runHarvest(db: SqlEngine, options: HarvestOptions): Promise<HarvestReport> {
  const started = Date.now();
  const now = options.now ?? (() => new Date());
  const size = options.size ?? 100;
  const window = Math.max(size, options.window ?? 10_000);
  const stored = options.full ? EMPTY_STATE : await readHarvestState(db, options.from);
  const query = (since: string | null, createdFrom: string | null): WindowQuery => ({
    from: options.from, size, since, createdFrom, includeDeleted: options.includeDeleted ?? true, query: options.query,
  });
  const resumed = stored.cursor !== null;
  const cursor: HarvestCursor = stored.cursor ?? {
    startedAt: now().toISOString(), since: stored.since, next: windowUrl(query(stored.since, null)), windowFrom: null, windowHits: 0,
    serverStart: null, maxUpdated: null, lastCreated: null, total: null,
    pages: 0, records: 0, imported: 0, skipped: 0, rejected: 0, deleted: 0,
  };
  const errors: ImportIssue[] = [];
  let pagesThisRun = 0;
  for (;;) {
    const page = await fetchPage(cursor.next, options);
    cursor.serverStart ??= page.serverDate?.toISOString() ?? null;
    cursor.total ??= page.total;
    const summary = await importLines(db, {
      kind: 'records',
      lines: page.hits.map((h) => JSON.stringify(h)),
      source: `${options.from} page ${cursor.pages + 1}`,
      now: now(),
      subcountConfig: options.subcountConfig,
    });
    errors.push(...summary.errors.slice(0, ERRORS_KEPT - errors.length));
    cursor.pages += 1;
    cursor.records += page.hits.length;
    cursor.imported += summary.imported;
    cursor.skipped += summary.skipped;
    cursor.rejected += summary.rejected;
    cursor.windowHits += page.hits.length;
    for (const hit of page.hits) {
      cursor.maxUpdated = laterOf(cursor.maxUpdated, field(hit, 'updated'));
      cursor.lastCreated = laterOf(cursor.lastCreated, field(hit, 'created'));
      if (isDeleted(hit)) cursor.deleted += 1;
    }
    pagesThisRun += 1;
    options.onProgress?.({ pages: cursor.pages, records: cursor.records, total: cursor.total });

    const next = nextUrl(cursor, page, { window, size, query });
    if (next === null) {
      const state: HarvestState = {
        // Never later than the server's clock at the start: what changed during the run comes again.
        since: cursor.maxUpdated === null ? cursor.since : earlierOf(cursor.maxUpdated, cursor.serverStart),
        cursor: null,
        lastRun: { ...counts(cursor), startedAt: cursor.startedAt, finishedAt: now().toISOString(), since: cursor.since },
      };
      await writeHarvestState(db, options.from, state);
      return report({ complete: true, nextSince: state.since });
    }
    cursor.next = next;
    await writeHarvestState(db, options.from, { ...stored, cursor });
    if (options.maxPages !== undefined && pagesThisRun >= options.maxPages) return report({ complete: false, nextSince: stored.since });
  }

  function report(end: { complete: boolean; nextSince: string | null }): HarvestReport {
    return { from: options.from, since: cursor.since, resumed, ...counts(cursor), errors, ...end, durationMs: Date.now() - started };
  }
}

/** The next page of this window, a new window when this one is full, or null when done. */
function nextUrl(
  cursor: HarvestCursor,
  page: { hits: unknown[]; next: string | null },
  o: { window: number; size: number; query: (since: string | null, createdFrom: string | null) => WindowQuery },
): string | null {
  if (page.next === null || page.hits.length === 0) return null;
  if (cursor.windowHits + o.size <= o.window) return page.next;
  if (cursor.lastCreated === null || cursor.lastCreated === cursor.windowFrom) {
    throw new HarvestError(
      `more than ${o.window.toLocaleString('en')} records were created at ${cursor.lastCreated ?? 'an unknown time'}; harvest with a larger --window`,
      null,
    );
  }
  cursor.windowFrom = cursor.lastCreated;
  cursor.windowHits = 0;
  return windowUrl(o.query(cursor.since, cursor.lastCreated));
}

function counts(c: HarvestCursor) {
  return { pages: c.pages, records: c.records, imported: c.imported, skipped: c.skipped, rejected: c.rejected, deleted: c.deleted };
}

function field(hit: unknown, name: string): string | null {
  const value = hit !== null && typeof hit === 'object' ? (hit as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : null;
}

function isDeleted(hit: unknown): boolean {
  return hit !== null && typeof hit === 'object' && isDeletedRecord(hit as Parameters<typeof isDeletedRecord>[0]);
}
