/**
 * Which of the reference's OpenSearch indices an export file holds, from an index name (a hit's
 * `_index`, or the file's name when the lines are bare `_source` documents). Pure.
 *
 * Index names may carry a site prefix (`kcworks-stats-community-events-2024`), the reference's
 * yearly or monthly suffix (`-2024`, `-2024-05`) and, for enriched usage events, a version
 * (`.v2.0.0`).
 */
import type { AggregationKind } from '../../src/core/kinds';

export type ExportIndex =
  /** An InvenioRDM records export: REST API hits, or a dump of the `rdmrecords-records` index. */
  | { kind: 'records' }
  /** `stats-community-events-*`: community membership changes. */
  | { kind: 'community-events' }
  /** `events-stats-record-view-*` / `events-stats-file-download-*`, legacy or enriched (`.v2.0.0`). */
  | { kind: 'usage-events'; enriched: boolean }
  /** One of the eight daily aggregation indices (`aggregation` lacks the basis when the name does). */
  | { kind: 'daily-aggregation'; aggregation: AggregationKind | 'records-delta' | 'records-snapshot' }
  /** An index of the reference that holds nothing to import, and why. */
  | { kind: 'ignored'; reason: string }
  | { kind: 'unrecognised' };

export type ExportIndexKind = ExportIndex['kind'];

const PREFIX = '(?:^|-)';
const YEAR = '(?:-\\d{4})?';
const MONTH = '(?:-\\d{4}(?:-\\d{2})?)?';

const RULES: [RegExp, (m: RegExpExecArray) => ExportIndex][] = [
  [new RegExp(`${PREFIX}stats-community-events-reindexing${YEAR}$`), () => ({ kind: 'ignored', reason: 'bookmarks of the reference\'s own event migration' })],
  [new RegExp(`${PREFIX}stats-community-events${YEAR}$`), () => ({ kind: 'community-events' })],
  [
    new RegExp(`${PREFIX}stats-community-records-(delta|snapshot)(?:-(added|created|published))?${YEAR}$`),
    (m) => ({ kind: 'daily-aggregation', aggregation: (m[2] ? `records-${m[1]}-${m[2]}` : `records-${m[1]}`) as AggregationKind }),
  ],
  [new RegExp(`${PREFIX}stats-community-usage-(delta|snapshot)${YEAR}$`), (m) => ({ kind: 'daily-aggregation', aggregation: `usage-${m[1]}` as AggregationKind })],
  [new RegExp(`${PREFIX}events-stats-(?:record-view|file-download)${MONTH}(\\.v\\d+\\.\\d+\\.\\d+)?$`), (m) => ({ kind: 'usage-events', enriched: m[1] !== undefined })],
  [new RegExp(`${PREFIX}stats-(?:record-view|file-download)${MONTH}$`), () => ({ kind: 'ignored', reason: 'invenio-stats per-record totals, derived from the usage events' })],
  [new RegExp(`${PREFIX}stats-bookmarks${YEAR}$`), () => ({ kind: 'ignored', reason: 'aggregation bookmarks of the reference' })],
  [new RegExp(`${PREFIX}rdmrecords-records(?:-record)?(?:-v\\d+\\.\\d+\\.\\d+)?(?:-\\d+)?$`), () => ({ kind: 'records' })],
  // A REST export named for what it holds: `records.ndjson`, `records-page-3.json`, `site_records`.
  [/^(?!.*stats-).*(?:^|[-_])records(?:[-_].*)?$/, () => ({ kind: 'records' })],
];

/**
 * @example
 * classifyIndex('kcworks-events-stats-file-download-2024-05.v2.0.0') // { kind: 'usage-events', enriched: true }
 * classifyIndex('stats-community-usage-snapshot-2025') // { kind: 'daily-aggregation', aggregation: 'usage-snapshot' }
 */
export function classifyIndex(name: string): ExportIndex {
  for (const [pattern, build] of RULES) {
    const m = pattern.exec(name);
    if (m) return build(m);
  }
  return { kind: 'unrecognised' };
}

/** The index name an export file's name stands for: `stats-community-events-2024.ndjson.gz` → `stats-community-events-2024`. */
export function indexNameOfFile(fileName: string): string {
  return fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.gz$/i, '')
    .replace(/\.(ndjson|jsonl|json|txt)$/i, '')
    .replace(/_(data|docs)$/i, '');
}
