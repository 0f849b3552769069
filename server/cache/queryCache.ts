/**
 * The query API's response cache: answers rendered once (identity, gzip, brotli) and kept by
 * normalised query, community stamp and "data as of".
 *
 * A community's stamp is the data version (server/query/dataState.ts) of the last aggregation run
 * that changed it. After a run in this process, `afterRun(changed)` moves only the changed
 * communities to the new version, and re-answers the cached queries whose key moved (the changed
 * communities', and those whose "data as of" advanced), so the first request after a run is a
 * hit. A run in another process (PostgreSQL) changes the version unannounced: every stamp then
 * moves, and nothing stale is served.
 */
import type { QueryRequest } from '../../src/api/query';
import { dataStart, dataVersion, type DataVersion } from '../query/dataState';
import { runQuery } from '../query/engine';
import type { SqlEngine } from '../storage/port';
import { encodeBody, bodyBytes, type EncodedBody } from './encode';
import { Lru } from './lru';

/**
 * How long a community's data version is reused without asking the database: the cached path
 * then answers without a query, and a run in another process shows within this delay.
 */
const VERSION_TTL_MS = 2000;

type Key = [stamp: string, dataAsOf: string | null, query: QueryRequest];

export class QueryCache {
  private readonly lru: Lru<EncodedBody>;
  private readonly versions = new Map<string, { at: number; value: Promise<DataVersion> }>();
  /** The version the last run in this process left, and per community the version of the run that last changed it. */
  private known: string | null = null;
  private readonly stamps = new Map<string, string>();

  constructor(
    private readonly db: SqlEngine,
    private readonly options: { bytes: number; compute: <T>(fn: () => Promise<T>) => Promise<T> },
  ) {
    this.lru = new Lru<EncodedBody>(options.bytes, bodyBytes);
  }

  private versionOf(community: string): Promise<DataVersion> {
    return this.versionRead(community).value;
  }

  /** The community's data version and when it was read (reused for VERSION_TTL_MS). */
  private versionRead(community: string): { at: number; value: Promise<DataVersion> } {
    const now = Date.now();
    const hit = this.versions.get(community);
    if (hit && now - hit.at < VERSION_TTL_MS) return hit;
    const read = { at: now, value: dataVersion(this.db, community) };
    this.versions.set(community, read);
    read.value.catch(() => this.versions.delete(community));
    return read;
  }

  private stampOf(community: string, version: string): string {
    return version === this.known ? (this.stamps.get(community) ?? version) : version;
  }

  /**
   * The answer to `q` (its community resolved to an id), whether it came from the cache, and until
   * when (epoch ms) the same request gets the same answer without asking the database again: the
   * data version it was keyed by is reused until then (the hit lane serves it that long).
   */
  async answer(q: QueryRequest): Promise<{ body: EncodedBody; hit: boolean; freshUntil: number }> {
    const read = this.versionRead(q.community);
    const v = await read.value;
    const freshUntil = read.at + VERSION_TTL_MS;
    const key = JSON.stringify([this.stampOf(q.community, v.version), v.dataAsOf, q] satisfies Key);
    const cached = this.lru.get(key);
    if (cached) return { body: cached, hit: true, freshUntil };
    const body = await this.compute(q, v.dataAsOf);
    this.lru.set(key, body);
    return { body, hit: false, freshUntil };
  }

  private async compute(q: QueryRequest, dataAsOf: string | null): Promise<EncodedBody> {
    const start = await dataStart(this.db);
    const result = await this.options.compute(() => runQuery(this.db, q, { dataAsOf, dataStart: start }));
    return encodeBody(JSON.stringify(result));
  }

  /**
   * After a run in this process that changed `changed` (community ids, `global` included): move
   * those communities to the new version and re-answer every cached query whose key moved.
   * Returns how many answers were re-computed.
   */
  async afterRun(changed: ReadonlySet<string>): Promise<number> {
    const entries = this.lru.keys().map((k) => [k, JSON.parse(k) as Key] as const);
    const communities = [...new Set(entries.map(([, [, , q]]) => q.community))];
    // The stamp each community's answers were last keyed by, from the version last read for it.
    const before = new Map<string, string>();
    for (const c of communities) {
      const read = await this.versions.get(c)?.value.catch(() => undefined);
      if (read) before.set(c, this.stampOf(c, read.version));
    }
    this.versions.clear();
    const now = new Map(await Promise.all(communities.map(async (c) => [c, await this.versionOf(c)] as const)));
    const version = (now.values().next().value ?? (await this.versionOf('global'))).version;
    for (const c of communities) this.stamps.set(c, before.get(c) ?? version);
    for (const c of changed) this.stamps.set(c, version);
    this.known = version;
    let recomputed = 0;
    for (const [oldKey, [stamp, , q]] of entries) {
      const v = now.get(q.community)!;
      const key = JSON.stringify([this.stampOf(q.community, v.version), v.dataAsOf, q] satisfies Key);
      if (key === oldKey) continue;
      this.lru.delete(oldKey);
      // Answers left from an earlier version are dropped; the current ones are answered anew.
      if (stamp !== before.get(q.community)) continue;
      try {
        this.lru.set(key, await this.compute(q, v.dataAsOf));
        recomputed++;
      } catch {
        // A query that no longer answers (e.g. its range left the data) is asked again on demand.
      }
    }
    return recomputed;
  }
}
