/**
 * Which months a report can show, and the Exceptions that say why others are missing
 * (Appendix D: 3020, 3031, 3032). Pure: the storage layer supplies the coverage.
 *
 * A month is available once it has ended and been processed: the usage aggregation's bookmark
 * has passed its last day, or a run that started after the month ended has finished (a quiet
 * last day leaves no events to move the bookmark), and no usage day of it (or earlier) waits to
 * be re-aggregated. Months before the first day with usage anywhere are "no longer available".
 */
import type { CounterCoverage } from '../../storage/counter';
import { addMonths, firstDay, lastDay, monthOf, type Month } from './months';
import { SushiError, counterException, type CounterException } from './spec';

export interface AvailableMonths {
  first: Month;
  last: Month;
}

/** The first and last available months, or null when no month is available yet. */
export function availableMonths(coverage: CounterCoverage, today: string): AvailableMonths | null {
  if (coverage.bookmark === null || coverage.lastRun === null || coverage.firstUsageDay === null) return null;
  let last = addMonths(monthOf(today), -1);
  const ranAfter = (m: Month) => coverage.lastRun !== null && coverage.lastRun.startedAt.slice(0, 10) >= firstDay(addMonths(m, 1));
  while (!(coverage.bookmark >= lastDay(last) || ranAfter(last)) && last >= monthOf(coverage.firstUsageDay)) last = addMonths(last, -1);
  if (coverage.firstDirtyDay !== null && monthOf(coverage.firstDirtyDay) <= last) last = addMonths(monthOf(coverage.firstDirtyDay), -1);
  const first = monthOf(coverage.firstUsageDay);
  return last >= first ? { first, last } : null;
}

export interface ResolvedPeriod {
  /** Begin and end of the reporting period as the header states it (end clamped to the last month that could be processed). */
  begin: Month;
  end: Month;
  /** The months to compute, or null when none of the requested months is available. */
  compute: { from: Month; to: Month } | null;
  exceptions: CounterException[];
}

/**
 * @example
 * // today 2024-04-10, usage available 2024-02..2024-03
 * resolvePeriod({ begin: '2024-01', end: '2024-04' }, coverage, '2024-04-10')
 * // { begin: '2024-01', end: '2024-03', compute: { from: '2024-02', to: '2024-03' }, exceptions: [3031…, 3032…] }
 */
export function resolvePeriod(requested: { begin: Month; end: Month }, coverage: CounterCoverage, today: string): ResolvedPeriod {
  const current = monthOf(today);
  if (requested.end < requested.begin) {
    throw new SushiError(3020, `end_date ${requested.end} is before begin_date ${requested.begin}`);
  }
  if (requested.begin >= current) {
    throw new SushiError(3020, `begin_date ${requested.begin} is the current or a future month; the last month that can have usage is ${addMonths(current, -1)}`);
  }
  const end = requested.end >= current ? addMonths(current, -1) : requested.end;
  const available = availableMonths(coverage, today);
  const exceptions: CounterException[] = [];
  const asked = `request was for ${firstDay(requested.begin)} to ${lastDay(requested.end)}`;
  if (available === null) {
    exceptions.push(counterException(3031, `${asked}; no month has been processed yet`));
    return { begin: requested.begin, end, compute: null, exceptions };
  }
  if (requested.end > available.last) {
    exceptions.push(counterException(3031, `${asked}; however, usage is only available to ${lastDay(available.last)}`));
  }
  if (requested.begin < available.first) {
    exceptions.push(counterException(3032, `${asked}; however, usage is only available from ${firstDay(available.first)}`));
  }
  const from = requested.begin < available.first ? available.first : requested.begin;
  const to = end > available.last ? available.last : end;
  return { begin: requested.begin, end, compute: from <= to ? { from, to } : null, exceptions };
}
