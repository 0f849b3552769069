/** UTC calendar-day arithmetic on `YYYY-MM-DD` strings. */

const MS_PER_DAY = 86_400_000;

export function toEpochDay(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY);
}

export function fromEpochDay(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return fromEpochDay(toEpochDay(day) + n);
}

/** Every day from `start` to `end`, inclusive (empty when end < start). */
export function daysBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (let d = toEpochDay(start), last = toEpochDay(end); d <= last; d++) out.push(fromEpochDay(d));
  return out;
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

export function maxDay(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

export function minDay(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/**
 * Group days into contiguous ranges of at most `maxLength` days, each within one calendar month
 * so a unit of work stays small and a year's bundles map onto whole units.
 */
export function dayRanges(days: readonly string[], maxLength = 31): { from: string; to: string }[] {
  const sorted = [...new Set(days)].sort();
  const ranges: { from: string; to: string }[] = [];
  for (const day of sorted) {
    const last = ranges[ranges.length - 1];
    const contiguous = last && addDays(last.to, 1) === day && last.from.slice(0, 7) === day.slice(0, 7);
    if (last && contiguous && toEpochDay(day) - toEpochDay(last.from) < maxLength) last.to = day;
    else ranges.push({ from: day, to: day });
  }
  return ranges;
}
