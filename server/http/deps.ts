/**
 * What the HTTP app needs from the rest of the server. `createApp` takes these as arguments so
 * the CLI wires the real modules and tests run the same app on a temporary database.
 */
import type { ServerConfig } from '../config';
import type { SqlEngine } from '../storage/port';
import type { BuildBundle, CacheKey } from '../cache/bundleCache';
import type { AggregationKind } from '../../src/core/kinds';
import type { StatusReport } from '../../src/api/status';
import type { z } from 'zod';

export interface ImportSummary {
  lines: number;
  imported: number;
  skipped: number;
  rejected: number;
  errors: { source: string; line: number; path: string; message: string }[];
}

export type IngestKind = 'records' | 'memberships' | 'events';

export interface ServingDomain {
  buildBundle: BuildBundle;
  getDailyDocs(
    db: SqlEngine,
    query: { kind: AggregationKind; community: string; start: string; end: string },
  ): Promise<readonly unknown[]>;
  runAggregation(db: SqlEngine, options: Record<string, unknown>): Promise<{ affected: readonly CacheKey[]; notes?: readonly string[] }>;
  getStatus(db: SqlEngine): Promise<StatusReport>;
  importLines(
    db: SqlEngine,
    options: { kind: IngestKind; lines: Iterable<string> | AsyncIterable<string>; source: string },
  ): Promise<ImportSummary>;
}

/** The dashboard side's layout functions (src/layout/defaults.ts, merge.ts and the override schema). */
export interface LayoutDomain {
  defaultFor(community: string): unknown;
  merge(base: unknown, override: unknown): unknown;
  /** Validates a PUT body: a full layout or a patch, as the layout module defines it. */
  overrideSchema: z.ZodType;
}

export interface Logger {
  info(message: string): void;
  error(message: string, error: unknown): void;
}

export interface AppDeps {
  db: SqlEngine;
  config: ServerConfig;
  domain: ServingDomain;
  layouts: LayoutDomain;
  /** The built demo page (server/dist/demo), served at `/` with an SPA fallback when present. */
  staticDir?: string;
  logger?: Logger;
  /** Today's date, for Cache-Control (past years vs the current one); tests pin it. */
  now?: () => Date;
}
