/**
 * The search URLs a harvest asks an InvenioRDM records API for. Pure.
 *
 * Records come oldest first (`sort=oldest`, i.e. by `created`), every version (`allversions`), and
 * deleted ones with their tombstones when the token may see them (`include_deleted`). A search
 * pages through at most 10,000 hits (OpenSearch's result window), so a long harvest runs in
 * windows: when the next page would pass it, a new search starts at `created:>=` the last record
 * seen (the records of that instant come again and are skipped as unchanged).
 */

export interface WindowQuery {
  /** The records API, e.g. `https://repo.example.org/api/records`. */
  from: string;
  size: number;
  /** Only records updated at or after this instant (incremental runs). */
  since: string | null;
  /** Only records created at or after this instant (windows after the first). */
  createdFrom: string | null;
  includeDeleted: boolean;
  /** An extra search query of the operator's, ANDed with the rest. */
  query?: string;
}

/** Lucene's reserved characters, escaped so a timestamp stays one term (`2025-06-05T10:00:00+00:00`). */
export function escapeQueryValue(value: string): string {
  return value.replace(/[+\-=&|><!(){}[\]^"~*?:\\/]/g, '\\$&');
}

/**
 * The first page of a window.
 *
 * @example
 * windowUrl({ from: 'https://repo.example.org/api/records', size: 100, since: '2025-06-01T00:00:00+00:00', createdFrom: null, includeDeleted: true })
 * // https://repo.example.org/api/records?q=updated%3A%3E%3D2025%5C-06%5C-01T00%5C%3A00…&sort=oldest&size=100&page=1&allversions=true&include_deleted=true
 */
export function windowUrl(q: WindowQuery): string {
  const url = new URL(q.from);
  const clauses = [
    q.query ? `(${q.query})` : null,
    q.since ? `updated:>=${escapeQueryValue(q.since)}` : null,
    q.createdFrom ? `created:>=${escapeQueryValue(q.createdFrom)}` : null,
  ].filter((c): c is string => c !== null);
  if (clauses.length > 0) url.searchParams.set('q', clauses.join(' AND '));
  else url.searchParams.delete('q');
  url.searchParams.set('sort', 'oldest');
  url.searchParams.set('size', String(q.size));
  url.searchParams.set('page', '1');
  url.searchParams.set('allversions', 'true');
  if (q.includeDeleted) url.searchParams.set('include_deleted', 'true');
  return url.toString();
}

const valid = (x: string | null): x is string => x !== null && !Number.isNaN(Date.parse(x));

/** The later of two ISO instants (null or invalid ignored); the original text is kept for the next query. */
export function laterOf(a: string | null, b: string | null): string | null {
  if (!valid(a)) return valid(b) ? b : null;
  if (!valid(b)) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** The earlier of two ISO instants (null or invalid ignored). */
export function earlierOf(a: string | null, b: string | null): string | null {
  if (!valid(a)) return valid(b) ? b : null;
  if (!valid(b)) return a;
  return Date.parse(b) < Date.parse(a) ? b : a;
}
