/**
 * Per-app state shared by the routes: the dependencies, the response cache, the community
 * directory and the state of an aggregation run started through the API.
 */
import type { Request } from 'express';
import { BundleCache } from '../cache/bundleCache';
import { QueryCache } from '../cache/queryCache';
import { HitLane } from './hitLane';
import { withMemoryLimit } from '../storage/open';
import type { AppDeps } from './deps';
import { type CommunityFigures, type CommunityRow, GLOBAL_COMMUNITY, communityFigures, listCommunityRows } from '../storage/communities';
import { GLOBAL } from '../../src/core/kinds';
import { requireReadable } from './access';
import { unknownCommunity } from './errors';

export interface AggregationState {
  running: { startedAt: string } | null;
  lastRun: { startedAt: string; finishedAt: string; affected: number; rebuilt: number; error?: string } | null;
}

export interface ServerContext extends AppDeps {
  cache: BundleCache;
  /** The query API's answers (re-answered after a run in this process: server/http/aggregate.ts). */
  queryCache: QueryCache;
  /** Public cached answers served before Express (server/http/hitLane.ts); emptied when communities or the data change here. */
  hitLane: HitLane;
  aggregation: AggregationState;
  now: () => Date;
  /** Every known community, cached briefly: the hot path must not scan memberships per request. */
  communities(): Promise<CommunityRow[]>;
  /** Record counts and data spans per community, cached a minute: they scan memberships and events. */
  figures(): Promise<Map<string, CommunityFigures>>;
  /** Forget the cached directory, figures and the hit lane's answers (after ingest or a run). */
  communitiesChanged(): void;
  /** Load a community by id or slug, 404 when unknown. */
  community(idOrSlug: string): Promise<CommunityRow>;
  /** Load a community and check the request may read its dashboard data. */
  readableCommunity(req: Request, idOrSlug: string): Promise<CommunityRow>;
}

/** Query answers kept in memory. */
const QUERY_CACHE_BYTES = 32 * 1024 * 1024;
/** Answers the hit lane keeps (each holds the headers and a reference to the cached body). */
const HIT_LANE_ENTRIES = 4096;

export function createContext(deps: AppDeps): ServerContext {
  const cache = new BundleCache(deps.db, deps.domain.buildBundle, {
    lruBytes: deps.config.cacheMemoryBytes,
    writeWith: (fn) => withMemoryLimit(deps.db, deps.config.duckdb.serveWorkMemoryBytes, fn),
  });
  const queryCache = new QueryCache(deps.db, {
    bytes: QUERY_CACHE_BYTES,
    compute: (fn) => withMemoryLimit(deps.db, deps.config.duckdb.serveWorkMemoryBytes, fn),
  });
  let directory: { at: number; rows: Promise<CommunityRow[]> } | null = null;
  const DIRECTORY_TTL_MS = 10_000;
  let figures: { at: number; value: Promise<Map<string, CommunityFigures>> } | null = null;
  const FIGURES_TTL_MS = 60_000;
  const ctx: ServerContext = {
    ...deps,
    cache,
    queryCache,
    hitLane: new HitLane({ maxEntries: HIT_LANE_ENTRIES }),
    aggregation: { running: null, lastRun: null },
    now: deps.now ?? (() => new Date()),
    communities() {
      const at = Date.now();
      if (!directory || at - directory.at > DIRECTORY_TTL_MS) {
        const rows = listCommunityRows(deps.db);
        directory = { at, rows };
        rows.catch(() => (directory = null));
      }
      return directory.rows;
    },
    figures() {
      const at = Date.now();
      if (!figures || at - figures.at > FIGURES_TTL_MS) {
        const value = communityFigures(deps.db);
        figures = { at, value };
        value.catch(() => (figures = null));
      }
      return figures.value;
    },
    communitiesChanged() {
      directory = null;
      figures = null;
      ctx.hitLane.clear();
    },
    async community(idOrSlug) {
      if (idOrSlug === GLOBAL) return GLOBAL_COMMUNITY;
      const rows = await ctx.communities();
      const found = rows.find((r) => r.id === idOrSlug) ?? rows.find((r) => r.slug === idOrSlug);
      if (!found) throw unknownCommunity(idOrSlug);
      return found;
    },
    async readableCommunity(req, idOrSlug) {
      const c = await ctx.community(idOrSlug);
      requireReadable(req, deps.config, c, idOrSlug);
      return c;
    },
  };
  return ctx;
}
