/** The text report of `repostats migrate`: one row per index, the first rejected lines, what to do next. */
import { formatIssue } from '../ingest';
import { formatBytes } from '../cli/progress';
import type { ExportIndexKind } from './indices';
import type { MigrationReport } from './migrate';

const KIND_LABELS: Record<ExportIndexKind, string> = {
  records: 'records',
  'community-events': 'community events',
  'usage-events': 'usage events',
  'daily-aggregation': 'daily documents',
  ignored: 'not needed',
  unrecognised: 'unrecognised',
};

export function formatMigrationReport(report: MigrationReport): string {
  const n = (x: number) => x.toLocaleString('en');
  const header = ['index', 'kind', 'read', 'imported', 'skipped', 'rejected', ''];
  const rows = report.indices.map((i) =>
    i.note
      ? [i.index, KIND_LABELS[i.kind], n(i.read), '—', '—', '—', i.note]
      : [i.index, KIND_LABELS[i.kind], n(i.read), n(i.imported), n(i.skipped), n(i.rejected), ''],
  );
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] as string).length)));
  const numeric = new Set([2, 3, 4, 5]);
  const line = (r: string[]) => r.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  const out = [
    `${report.dir}: ${n(report.files)} files, ${formatBytes(report.bytes)}, ${n(report.indices.length)} indices, in ${(report.durationMs / 1000).toFixed(1)} s`,
    '',
    line(header),
    ...rows.map(line),
  ];
  const unreadable = report.indices.flatMap((i) => i.fileErrors);
  if (unreadable.length > 0) out.push('', 'Files not read (the others were):', ...unreadable.map((e) => `  ${e}`));
  const rejected = report.indices.filter((i) => i.examples.length > 0);
  if (rejected.length > 0) {
    out.push('', 'Rejected lines (skipped; every other line was kept):');
    for (const i of rejected) {
      out.push(...i.examples.map((e) => `  ${formatIssue(e)}`));
      if (i.rejected > i.examples.length) out.push(`  … and ${n(i.rejected - i.examples.length)} more in ${i.index}`);
    }
  }
  const { memberships, events } = report.missingRecords;
  if (memberships > 0 || events > 0) {
    out.push(
      '',
      `Records not in the database: ${n(memberships)} named by membership events (they count once the record arrives), ` +
        `${n(events)} named by usage events (counted for global only until then).`,
      'Deleted records are missing from exports made without an admin token: `repostats harvest --from … --token …` asks for them too and imports their tombstones.',
    );
  }
  if (report.history.length > 0) {
    out.push('', 'Daily documents kept as history (raw inputs win on the days they cover; the documents fill the rest):');
    for (const h of report.history) {
      out.push(`  ${h.kind}: ${n(h.days)} ${h.days === 1 ? 'day' : 'days'}, ${h.first} … ${h.last}: ${n(h.days - h.rawDays)} from the documents only, ${n(h.rawDays)} with raw ${h.kind.startsWith('usage') ? 'events' : 'record or membership changes'}`);
    }
  }
  const alreadyStored = report.indices.reduce((sum, i) => sum + i.skipped, 0);
  out.push(
    '',
    report.changed
      ? 'Imported. Next: `repostats aggregate` computes the daily documents.'
      : alreadyStored > 0
        ? 'Nothing changed: every document of this export is already in the database (migrate is idempotent).'
        : 'Nothing imported.',
  );
  return `${out.join('\n')}\n`;
}
