/**
 * The response cache for series bundles. A request is a lookup: in-process LRU, then the
 * `bundle_cache` table, and only on a miss is the bundle built, rendered in every encoding and
 * stored (gzip and brotli forms). After an aggregation run `refresh(affected)` rebuilds exactly the bundles whose days
 * changed, so no stale bundle survives a re-aggregation.
 */
import type { SeriesBundle } from '../../src/api/schemas';
import type { SqlEngine } from '../storage/port';
import { type CompressedBody, bodyBytes, compressedOnly, encodeBody } from './encode';
import { Lru } from './lru';

import type { BundleKey } from '../domain/bundles/key';

export type CacheKey = BundleKey;

export type BuildBundle = (db: SqlEngine, key: CacheKey) => Promise<SeriesBundle | null>;

export const keyString = (k: CacheKey) => `${k.community}|${k.category}|${k.basis ?? ''}|${k.year}`;

type CachedRow = {
  etag: string;
  gzip: string;
  br: string;
  built_at: string;
};

/** What `serve` keeps in memory unless REPOSTATS_CACHE_MEMORY says otherwise (server/config.ts). */
export const DEFAULT_LRU_BYTES = 64 * 1024 * 1024;

export interface RefreshReport {
  affected: number;
  /** Affected bundles that were cached (and so were dropped). */
  dropped: number;
  rebuilt: number;
}

export interface CacheFreshness {
  bundles: number;
  oldestBuiltAt: string | null;
  newestBuiltAt: string | null;
  lastRefreshAt: string | null;
}

export class BundleCache {
  private readonly lru: Lru<CompressedBody>;
  private readonly inFlight = new Map<string, Promise<CompressedBody | null>>();
  private lastRefreshAt: string | null = null;

  /**
   * `lruBytes` bounds the bundles kept in memory (their gzip and brotli forms; the identity form
   * is stored in the table and inflated on the rare request that wants it).
   */
  private readonly writing: <T>(fn: () => Promise<T>) => Promise<T>;

  constructor(
    private readonly db: SqlEngine,
    private readonly build: BuildBundle,
    options: {
      lruBytes?: number;
      /**
       * Runs each write of the table (`serve`: with DuckDB's work memory limit). A write that runs
       * out of memory cannot always be rolled back, and DuckDB then invalidates the whole database
       * (a commit can checkpoint: the small demo's 105th render did so at the 64 MB read limit).
       */
      writeWith?: <T>(fn: () => Promise<T>) => Promise<T>;
    } = {},
  ) {
    this.lru = new Lru(options.lruBytes ?? DEFAULT_LRU_BYTES, bodyBytes);
    this.writing = options.writeWith ?? ((fn) => fn());
  }

  /** Bytes and bundles held in memory now. */
  get memory(): { bytes: number; bundles: number } {
    return { bytes: this.lru.bytes, bundles: this.lru.size };
  }

  /** The compressed bundle, or null when the community has no data for that year. */
  async get(key: CacheKey): Promise<CompressedBody | null> {
    const id = keyString(key);
    const hot = this.lru.get(id);
    if (hot) return hot;
    const pending = this.inFlight.get(id);
    if (pending) return pending;
    const work = this.load(key).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, work);
    return work;
  }

  private async load(key: CacheKey): Promise<CompressedBody | null> {
    const [row] = await this.db.query<CachedRow>(
      'SELECT etag, gzip, br, built_at FROM bundle_cache WHERE community_id = $1 AND category = $2 AND basis = $3 AND year = $4',
      [key.community, key.category, key.basis ?? '', key.year],
    );
    if (row) {
      const entry: CompressedBody = {
        etag: row.etag,
        gzip: Buffer.from(row.gzip, 'base64'),
        br: Buffer.from(row.br, 'base64'),
        builtAt: row.built_at,
      };
      this.lru.set(keyString(key), entry);
      return entry;
    }
    return this.render(key);
  }

  /** Build, encode and store one bundle (replacing any stored one); null when there is no data. */
  private async render(key: CacheKey): Promise<CompressedBody | null> {
    const bundle = await this.build(this.db, key);
    if (!bundle) {
      await this.remove(key);
      return null;
    }
    const entry = await encodeBody(JSON.stringify(bundle));
    // The identity form is not stored: it inflates from the gzip one (`withIdentity`), and it was
    // most of each row's bytes, so of the file's growth and of what a commit writes.
    await this.writing(() => this.db.transaction(async (tx) => {
      await tx.exec('DELETE FROM bundle_cache WHERE community_id = $1 AND category = $2 AND basis = $3 AND year = $4', [
        key.community,
        key.category,
        key.basis ?? '',
        key.year,
      ]);
      await tx.exec(
        'INSERT INTO bundle_cache (community_id, category, basis, year, etag, body, gzip, br, built_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
        [
          key.community,
          key.category,
          key.basis ?? '',
          key.year,
          entry.etag,
          '',
          entry.gzip.toString('base64'),
          entry.br.toString('base64'),
          entry.builtAt,
        ],
      );
    }));
    const kept = compressedOnly(entry);
    this.lru.set(keyString(key), kept);
    return kept;
  }

  private async remove(key: CacheKey): Promise<void> {
    this.lru.delete(keyString(key));
    await this.writing(() => this.db.exec('DELETE FROM bundle_cache WHERE community_id = $1 AND category = $2 AND basis = $3 AND year = $4', [
      key.community,
      key.category,
      key.basis ?? '',
      key.year,
    ]));
  }

  /**
   * After an aggregation run: drop every affected bundle at once (so none is served stale), then
   * re-render the ones that were cached — the ones clients ask for — or all of them with
   * `warm: 'all'`. The rest render on their first request. Building a bundle takes seconds on a
   * large instance and a first run affects every community-year, so rendering everything eagerly
   * would hold the database for a long time for bundles nobody may ask for.
   */
  async refresh(
    keys: readonly CacheKey[],
    options: { warm?: 'cached' | 'all'; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<RefreshReport> {
    const affected = new Map(keys.map((k) => [keyString(k), k]));
    const stored = await this.db.query<{ community_id: string; category: string; basis: string; year: number }>(
      'SELECT community_id, category, basis, year FROM bundle_cache',
    );
    const cached = new Set<string>();
    for (const r of stored) {
      const id = keyString({ community: r.community_id, category: r.category, basis: r.basis || null, year: Number(r.year) } as CacheKey);
      if (affected.has(id)) cached.add(id);
    }
    for (const id of affected.keys()) if (this.lru.get(id)) cached.add(id);
    for (const key of affected.values()) await this.remove(key);
    const warm = options.warm === 'all' ? [...affected.values()] : [...cached].map((id) => affected.get(id)!);
    let rebuilt = 0;
    for (const key of warm) {
      // Through `get`, so a request for the same bundle meanwhile waits for this render, not a second one.
      if (await this.get(key)) rebuilt += 1;
      options.onProgress?.(rebuilt, warm.length);
    }
    this.lastRefreshAt = new Date().toISOString();
    return { affected: affected.size, dropped: cached.size, rebuilt };
  }

  /**
   * Drop the given bundles (all bundles when `keys` is null) whose stored copy was built before
   * `time`, in the table and in memory. Returns how many stored rows went.
   */
  async dropBuiltBefore(time: string, keys: readonly CacheKey[] | null): Promise<number> {
    const rows = await this.db.query<{ community_id: string; category: string; basis: string; year: number }>(
      'SELECT community_id, category, basis, year FROM bundle_cache WHERE built_at < $1',
      [time],
    );
    const wanted = keys ? new Set(keys.map(keyString)) : null;
    let dropped = 0;
    for (const r of rows) {
      const key = { community: r.community_id, category: r.category, basis: r.basis || null, year: Number(r.year) } as CacheKey;
      if (wanted && !wanted.has(keyString(key))) continue;
      await this.remove(key);
      dropped += 1;
    }
    // Hot copies of bundles never stored here (or stored by another process) go too.
    this.lru.deleteWhere((id, entry) => (wanted === null || wanted.has(id)) && entry.builtAt < time);
    return dropped;
  }

  /** Forget everything. */
  async clear(): Promise<void> {
    this.lru.deleteWhere(() => true);
    await this.writing(() => this.db.exec('DELETE FROM bundle_cache'));
  }

  async freshness(): Promise<CacheFreshness> {
    const [r] = await this.db.query<{ n: number; oldest: string | null; newest: string | null }>(
      'SELECT CAST(count(*) AS BIGINT) AS n, min(built_at) AS oldest, max(built_at) AS newest FROM bundle_cache',
    );
    return {
      bundles: Number(r?.n ?? 0),
      oldestBuiltAt: r?.oldest ?? null,
      newestBuiltAt: r?.newest ?? null,
      lastRefreshAt: this.lastRefreshAt,
    };
  }
}
