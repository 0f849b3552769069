/**
 * Warming the query cache after an aggregation run: the queries a first dashboard view sends
 * (the default view of src/state/defaults.ts, resolved against today as a browser would) for the
 * global dashboard's default layout and for each community with a saved layout, as the
 * dashboard's own code builds them (src/data/layoutQueries.ts). Only the communities the run
 * changed are warmed; answers of the others stay cached as they are (server/cache/queryCache.ts).
 */
import { QueryRequestSchema } from '../../src/api/query';
import { GLOBAL } from '../../src/core/kinds';
import { layoutQueries } from '../../src/data/layoutQueries';
import { LayoutSchema } from '../../src/layout/schema';
import { DEFAULT_VIEW } from '../../src/state/defaults';
import { effectiveRange } from '../../src/state/range';
import { getLayoutOverride, savedLayoutCommunities } from '../storage/queries/layouts';
import type { ServerContext } from './context';

export interface WarmReport {
  /** Queries of the warmed layouts. */
  queries: number;
  /** Of those, the ones computed now (the others were already cached). */
  computed: number;
}

/** Warms the layouts of the communities in `changed` (`global` included when it changed). */
export async function warmLayouts(ctx: ServerContext, changed: ReadonlySet<string>): Promise<WarmReport> {
  const report: WarmReport = { queries: 0, computed: 0 };
  const saved = await savedLayoutCommunities(ctx.db);
  const targets = [...new Set([GLOBAL, ...saved])].filter((c) => changed.has(c));
  const today = ctx.now().toISOString().slice(0, 10);
  const { range, granularity, basis, comparison, filters } = DEFAULT_VIEW;
  for (const community of targets) {
    const override = await getLayoutOverride(ctx.db, community);
    const base = ctx.layouts.defaultFor(community);
    const layout = LayoutSchema.safeParse(override === null ? base : ctx.layouts.merge(base, override));
    if (!layout.success) {
      ctx.logger?.info(`cache warm-up: the layout of ${community} does not validate; skipped`);
      continue;
    }
    const view = { community, range: effectiveRange(range, granularity, { today }), granularity, basis, comparison, filters };
    for (const query of layoutQueries(layout.data, view)) {
      report.queries++;
      try {
        const { hit } = await ctx.queryCache.answer(QueryRequestSchema.parse(query));
        if (!hit) report.computed++;
      } catch (error) {
        // A query the data cannot answer yet (e.g. a range before any data) is asked again on demand.
        ctx.logger?.info(`cache warm-up: ${community}: ${(error as Error).message}`);
      }
    }
  }
  return report;
}
