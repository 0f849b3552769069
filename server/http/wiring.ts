/**
 * The real domain modules behind the HTTP app. Kept in one place so `createApp` stays free of
 * imports it does not need and tests use exactly what production uses.
 */
import { importLines } from '../ingest';
import { runAggregation } from '../domain/aggregate/run';
import { getStatus } from '../domain/aggregate/status';
import { buildBundle } from '../domain/bundles/build';
import { getDailyDocs } from '../domain/docs/get';
import { defaultLayoutFor } from '../../src/layout/defaults';
import { LayoutOverrideSchema, mergeLayout, type LayoutOverride } from '../../src/layout/merge';
import type { LayoutInput } from '../../src/layout/schema';
import type { LayoutDomain, ServingDomain } from './deps';

export function realDomain(): ServingDomain {
  return {
    buildBundle: (db, key) => buildBundle(db, key),
    getDailyDocs: (db, query) => getDailyDocs(db, query),
    runAggregation: (db, options) => runAggregation(db, options),
    getStatus: (db) => getStatus(db),
    importLines: (db, options) => importLines(db, options),
  };
}

export function realLayouts(): LayoutDomain {
  return {
    defaultFor: (community) => defaultLayoutFor(community),
    merge: (base, override) => mergeLayout(base as LayoutInput, override as LayoutOverride),
    overrideSchema: LayoutOverrideSchema,
  };
}
