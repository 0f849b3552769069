/**
 * The address of a COUNTER Release 5.1 report file for the dashboard's export menu: the server's
 * `GET /api/v1/communities/{id}/counter/{report}.{format}` with the months of the selected range.
 */
import { apiUrl } from './client';

/** COUNTER reports the server provides: Platform and Item Reports and their Standard Views. */
export const COUNTER_REPORTS = ['pr', 'pr_p1', 'ir', 'ir_a1', 'ir_m1'] as const;
export type CounterReportId = (typeof COUNTER_REPORTS)[number];

export interface CounterReportLink {
  apiBase: string;
  community: string;
  report: CounterReportId;
  /** The dashboard's range, as days; COUNTER reports whole months, so their months are used. */
  range: { start: string; end: string };
  format?: 'tsv' | 'xlsx' | 'json';
}

/**
 * @example
 * counterReportUrl({ apiBase: '/api', community: 'physics', report: 'pr', range: { start: '2024-01-15', end: '2024-03-31' } })
 * // '/api/v1/communities/physics/counter/pr.tsv?begin_date=2024-01&end_date=2024-03'
 */
export function counterReportUrl({ apiBase, community, report, range, format = 'tsv' }: CounterReportLink): string {
  return apiUrl(apiBase, `/v1/communities/${encodeURIComponent(community)}/counter/${report}.${format}`, {
    begin_date: range.start.slice(0, 7),
    end_date: range.end.slice(0, 7),
  });
}
