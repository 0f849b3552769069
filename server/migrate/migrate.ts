/**
 * `repostats migrate DIR`: load an export of the reference's OpenSearch indices through the one
 * importer (`importLines`): records first (so memberships and usage find them), then community
 * membership events, then usage events, then the eight daily aggregation indices, kept as the
 * history of days without raw inputs (`history.ts`; the report says which days each source covers).
 *
 * Every import is idempotent (records upsert, membership and event keys), so running the same
 * export again stores nothing, and the report says so.
 */
import type { InputKind } from '../ingest/inputs';
import { ImportError, importLines, type ImportIssue, type ImportSummary } from '../ingest';
import type { SubcountConfig } from '../config/subcounts';
import type { SqlEngine } from '../storage/port';
import { countMissingRecords, type MissingRecords } from '../storage/inputChecks';
import { documentHits, exportLines, listExport, type ExportFile } from './exportFiles';
import { importHistory, historySources, settleHistoryUploaders, type HistorySources } from './history';
import type { ExportIndexKind } from './indices';
import { AGGREGATION_KINDS, type AggregationKind } from '../../src/core/kinds';

/** Rejected lines kept per index in the report (the counts are always exact). */
export const EXAMPLES_PER_INDEX = 5;

const IMPORTED_AS: Partial<Record<ExportIndexKind, InputKind>> = { records: 'records', 'community-events': 'memberships', 'usage-events': 'events' };
const ORDER: ExportIndexKind[] = ['records', 'community-events', 'usage-events', 'daily-aggregation', 'ignored', 'unrecognised'];
export const BASIS_UNKNOWN = 'not imported: the index name does not say its date basis; rename the file …-records-{delta,snapshot}-{added,created,published}-… to import it';

export interface MigrationIndexReport {
  index: string;
  kind: ExportIndexKind;
  files: string[];
  /** Documents (non-blank lines or hits) read. */
  read: number;
  imported: number;
  /** Already in the database: duplicate events and memberships, unchanged records. */
  skipped: number;
  rejected: number;
  /** The first rejected lines, as `file:line: path: message`. */
  examples: ImportIssue[];
  /** Files that could not be read at all (not JSON, too large for one document); the other files still load. */
  fileErrors: string[];
  /** Why nothing of this index was imported, when so. */
  note: string | null;
}

export interface MigrationReport {
  dir: string;
  files: number;
  bytes: number;
  indices: MigrationIndexReport[];
  /** False when nothing was stored (a re-run of the same export). */
  changed: boolean;
  missingRecords: MissingRecords;
  /** Per daily-document kind imported so far: its days, and how many of them the raw inputs also cover. */
  history: HistorySources[];
  durationMs: number;
}

export interface MigrationProgress {
  file: string;
  /** Bytes read so far over every file (compressed bytes for .gz). */
  bytes: number;
  totalBytes: number;
}

export interface MigrationOptions {
  dir: string;
  onProgress?: (p: MigrationProgress) => void;
  now?: Date;
  salt?: string;
  subcountConfig?: SubcountConfig;
}

export async function runMigration(db: SqlEngine, options: MigrationOptions): Promise<MigrationReport> {
  const started = Date.now();
  const files = (await listExport(options.dir)).sort((a, b) => ORDER.indexOf(a.target.kind) - ORDER.indexOf(b.target.kind) || (a.path < b.path ? -1 : 1));
  const totalBytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const byIndex = new Map<string, MigrationIndexReport>();
  let done = 0;
  for (const file of files) {
    const report = byIndex.get(file.index) ?? emptyReport(file);
    byIndex.set(file.index, report);
    report.files.push(file.name);
    const progress = (bytes: number) => options.onProgress?.({ file: file.name, bytes: done + bytes, totalBytes });
    const kind = IMPORTED_AS[file.target.kind];
    try {
      const history = historyKind(file);
      if (kind) add(report, await importFile(db, file, kind, { ...options, progress }));
      else if (history) add(report, await importHistoryFile(db, file, history, progress));
      else report.read += await countDocuments(file, progress);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      report.fileErrors.push(error.message);
    }
    done += file.bytes;
    progress(0);
  }
  const indices = [...byIndex.values()];
  if (indices.some((i) => i.kind === 'daily-aggregation' && i.imported > 0)) await settleHistoryUploaders(db);
  return {
    dir: options.dir,
    files: files.length,
    bytes: totalBytes,
    indices,
    changed: indices.some((i) => i.imported > 0),
    missingRecords: await countMissingRecords(db),
    history: await historySources(db),
    durationMs: Date.now() - started,
  };
}

function emptyReport(file: ExportFile): MigrationIndexReport {
  const { target } = file;
  const note =
    target.kind === 'daily-aggregation' && !historyKind(file) ? BASIS_UNKNOWN
    : target.kind === 'ignored' ? `not imported: ${target.reason}`
    : target.kind === 'unrecognised' ? 'not recognised: not imported'
    : null;
  return { index: file.index, kind: target.kind, files: [], read: 0, imported: 0, skipped: 0, rejected: 0, examples: [], fileErrors: [], note };
}

/** The kind of a daily aggregation index, when its name says it (the basis included). */
function historyKind(file: ExportFile): AggregationKind | null {
  const { target } = file;
  if (target.kind !== 'daily-aggregation') return null;
  return (AGGREGATION_KINDS as readonly string[]).includes(target.aggregation) ? (target.aggregation as AggregationKind) : null;
}

function add(report: MigrationIndexReport, summary: Pick<ImportSummary, 'lines' | 'imported' | 'skipped' | 'rejected' | 'errors'>): void {
  report.read += summary.lines;
  report.imported += summary.imported;
  report.skipped += summary.skipped;
  report.rejected += summary.rejected;
  report.examples.push(...summary.errors.slice(0, EXAMPLES_PER_INDEX - report.examples.length));
}

async function importFile(
  db: SqlEngine,
  file: ExportFile,
  kind: InputKind,
  options: Omit<MigrationOptions, 'dir' | 'onProgress'> & { progress: (bytes: number) => void },
): Promise<ImportSummary> {
  const common = { kind, now: options.now, salt: options.salt, subcountConfig: options.subcountConfig };
  if (file.layout === 'document') {
    return importLines(db, { ...common, lines: await documentHits(file), source: `${file.path}#hits` });
  }
  const { lines, bytesRead } = await exportLines(file);
  return importLines(db, { ...common, lines, source: file.path, onProgress: () => options.progress(bytesRead()) });
}

async function importHistoryFile(db: SqlEngine, file: ExportFile, kind: AggregationKind, progress: (bytes: number) => void) {
  const maxErrors = EXAMPLES_PER_INDEX;
  if (file.layout === 'document') return importHistory(db, { kind, lines: await documentHits(file), source: `${file.path}#hits`, maxErrors });
  const { lines, bytesRead } = await exportLines(file);
  return importHistory(db, { kind, lines, source: file.path, maxErrors, onProgress: () => progress(bytesRead()) });
}

async function countDocuments(file: ExportFile, progress: (bytes: number) => void): Promise<number> {
  if (file.layout === 'document') return (await documentHits(file)).length;
  const { lines, bytesRead } = await exportLines(file);
  let n = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    n += 1;
    if (n % 10_000 === 0) progress(bytesRead());
  }
  return n;
}
