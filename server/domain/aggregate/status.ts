/**
 * Where the aggregations stand, per community and kind: data span, bookmark, pending dirty days,
 * the last run and whether one is running.
 */
import type { StatusReport, KindStatus } from '../../../src/api/status';
import { AGGREGATION_KINDS, type AggregationKind, kindParts } from '../../../src/core/kinds';
import type { SqlEngine } from '../../storage/port';
import { dirtCounts } from '../../storage/queries/dirtyDays';
import { factSpans } from '../../storage/queries/factStats';
import { readBookmarks } from '../../storage/queries/bookmarks';
import { inputCommunities } from '../../storage/queries/inputSpan';
import { dataAsOf } from './state';
import { lastRuns } from './runs';

export type { StatusReport } from '../../../src/api/status';

export async function getStatus(db: SqlEngine): Promise<StatusReport> {
  const [communities, marks, asOf, runs] = await Promise.all([inputCommunities(db), readBookmarks(db), dataAsOf(db), lastRuns(db)]);
  const spans = await factSpans(db);
  const spanOf = new Map(spans.map((s) => [`${s.family}|${s.community_id}|${s.basis}`, s]));
  const dirt = await dirtCounts(db);
  const dirtOf = (scope: string, community: string) =>
    dirt.filter((d) => d.scope === scope && (d.community_id === community || d.community_id === '*')).reduce((n, d) => n + d.n, 0);

  return {
    dataAsOf: asOf,
    running: runs.running,
    lastRun: runs.last && { startedAt: runs.last.startedAt, finishedAt: runs.last.finishedAt, status: runs.last.status },
    communities: communities.map((community) => ({
      community,
      kinds: AGGREGATION_KINDS.map((kind): KindStatus => {
        const { family, basis: kindBasis } = kindParts(kind);
        const basis = kindBasis ?? '';
        const span = spanOf.get(`${family}|${community}|${basis}`);
        const bookmark = marks.get(`${kind}|${community}`) ?? null;
        const dirtyDays = dirtOf(family, community);
        return {
          kind: kind as AggregationKind,
          firstDay: span?.first ?? null,
          lastDay: span?.last ?? null,
          bookmark,
          dirtyDays,
          complete: bookmark !== null && asOf !== null && bookmark >= asOf && dirtyDays === 0,
        };
      }),
    })),
  };
}
