/**
 * Year blocks → one value for `useSeries`, as the `combine` of its `useQueries`.
 *
 * TanStack Query structurally shares what `combine` returns (`replaceEqualDeep`, even with
 * `structuralSharing: false` on the queries). When the set of years changes (month → quarter
 * drops a year), that deep-compared every number of two different bundles: half of a granularity
 * switch's main thread in a Chromium profile with 3 years of data. So the bundles travel inside
 * `YearBlocks`, a class instance that `replaceEqualDeep` replaces without looking inside, and the
 * combiner keeps the same instance while the blocks are the same objects, so widgets' memoised
 * transforms see a stable input. It also returns its previous value as long as blocks and error are
 * the same, so a query's status changing (fetching, a new observer) does not re-render the widget.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import type { SeriesBundle } from '../api/schemas';

/** The year bundles a series is built from, one per year, in year order. Compared by identity. */
export class YearBlocks {
  constructor(readonly bundles: readonly SeriesBundle[]) {}
}

export interface CombinedYearBlocks {
  /** Null until every year has a block (or when one failed). */
  blocks: YearBlocks | null;
  error: Error | null;
  retry: () => void;
}

function sameBundles(a: readonly SeriesBundle[], b: readonly SeriesBundle[]): boolean {
  return a.length === b.length && a.every((bundle, i) => bundle === b[i]);
}

/**
 * A `combine` for one `useQueries` call (create one per hook instance: it remembers its last value).
 *
 * @example
 * const [combine] = useState(createYearBlocksCombiner);
 * const { blocks } = useQueries({ queries, combine });
 */
export function createYearBlocksCombiner(): (results: Pick<UseQueryResult<SeriesBundle>, 'data' | 'error' | 'refetch'>[]) => CombinedYearBlocks {
  let last: YearBlocks | null = null;
  let previous: CombinedYearBlocks | null = null;
  return (results) => {
    const failed = results.filter((r) => r.error);
    const complete = results.every((r) => r.data !== undefined);
    // While a new year loads, its slot may hold another year's block (keepPreviousData): keep one per year.
    const byYear = new Map<number, SeriesBundle>();
    for (const r of results) if (r.data) byYear.set(r.data.year, r.data);
    let blocks: YearBlocks | null = null;
    if (complete && failed.length === 0) {
      const bundles = [...byYear.values()].sort((a, b) => a.year - b.year);
      if (!last || !sameBundles(last.bundles, bundles)) last = new YearBlocks(bundles);
      blocks = last;
    }
    const error = failed[0]?.error ?? null;
    if (previous && previous.blocks === blocks && previous.error === error && error === null) return previous;
    previous = { blocks, error, retry: () => failed.forEach((r) => void r.refetch()) };
    return previous;
  };
}
