/**
 * Record delta facts for a set of communities, computed in one SQL statement per unit.
 *
 * For every basis, community, day, and subcount item (plus the totals row `field = ''`):
 * records and files entering / leaving, parents entering / leaving, uploaders.
 *
 * Distinct metrics use presence intervals: a parent is present while at least one of its records
 * is held (the union of its records' stays); it enters when the first starts and leaves when the
 * last ends. The same for an uploader (totals only). A parent's stay counts as `with_files` when any
 * record held during that stay has files. Snapshots are then exact running sums of these facts.
 */
import type { SqlEngine } from '../../storage/port';
import { FACT_COLUMNS as COLUMNS } from './facts';
import { membershipIntervalsCte, recordIntervalsCte } from './intervals';

const FACT_COLUMNS = COLUMNS.records;
type FactColumn = (typeof FACT_COLUMNS)[number];

const FOREVER = `DATE '9999-12-31'`;
const KEY = 'basis, community_id, field, item_id';

/** One SELECT branch of the union: the given columns, every other fact column zero. */
function branch(from: string, day: string, values: Partial<Record<FactColumn, string>>, groupBy = true): string {
  const cols = FACT_COLUMNS.map((c) => `${values[c] ?? '0'} AS ${c}`).join(', ');
  return `SELECT ${KEY}, ${day} AS day, ${cols} FROM ${from}${groupBy ? ` GROUP BY ${KEY}, ${day}` : ''}`;
}

const count = (cond: string) => `SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;

/**
 * Presence islands of overlapping [s, e) stays per `entity` (parent_id or owner_id) →
 * `${name}_i(key, s, e, wf)`. Most entities have a single stay, which is its own island. An entity
 * with one stay in a (basis, community) has at most one per item, so the stays are first counted
 * on the narrow `base` (one row per stay, before the items); only entities with several stays
 * there are grouped per item, and only those with several per item go through the windows.
 */
function islands(name: string, entity: string, source: string, base: string): string {
  const part = `PARTITION BY ${KEY}, entity ORDER BY s, e`;
  const sameKey = (a: string, b: string) =>
    ['basis', 'community_id', 'field', 'item_id', 'entity'].map((c) => `${a}.${c} = ${b}.${c}`).join(' AND ');
  return `
${name}_k AS MATERIALIZED (
  SELECT basis, community_id, ${entity} AS entity FROM ${base}
  GROUP BY basis, community_id, ${entity} HAVING COUNT(*) > 1
),
${name}_p AS MATERIALIZED (
  SELECT x.basis, x.community_id, x.field, x.item_id, x.${entity} AS entity, x.s, COALESCE(x.e, ${FOREVER}) AS e, x.wf,
         k.entity IS NOT NULL AS multi
  FROM ${source} x
  LEFT JOIN ${name}_k k ON k.basis = x.basis AND k.community_id = x.community_id AND k.entity = x.${entity}
),
${name}_n AS MATERIALIZED (
  SELECT ${KEY}, entity, COUNT(*) AS stays, MIN(s) AS s, MAX(e) AS e, BOOL_OR(wf) AS wf
  FROM ${name}_p WHERE multi GROUP BY ${KEY}, entity
),
${name}_m AS (
  SELECT p.basis, p.community_id, p.field, p.item_id, p.entity, p.s, p.e, p.wf,
         MAX(p.e) OVER (PARTITION BY p.basis, p.community_id, p.field, p.item_id, p.entity ORDER BY p.s, p.e
                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_e
  FROM ${name}_p p JOIN ${name}_n n ON n.stays > 1 AND ${sameKey('n', 'p')}
  WHERE p.multi
),
${name}_g AS (
  SELECT ${KEY}, entity, s, e, wf,
         SUM(CASE WHEN prev_e IS NULL OR s > prev_e THEN 1 ELSE 0 END) OVER (${part} ROWS UNBOUNDED PRECEDING) AS island
  FROM ${name}_m
),
${name}_i AS (
  SELECT ${KEY}, s, e, wf FROM ${name}_p WHERE NOT multi
  UNION ALL
  SELECT ${KEY}, s, e, wf FROM ${name}_n WHERE stays = 1
  UNION ALL
  SELECT ${KEY}, MIN(s) AS s, MAX(e) AS e, BOOL_OR(wf) AS wf FROM ${name}_g GROUP BY ${KEY}, entity, island
)`;
}

export function recordFactsSql(options: { communities: readonly string[]; includeGlobal: boolean }): string {
  const includeCommunities = options.communities.length > 0;
  const filter = includeCommunities
    ? `AND community_id IN (${options.communities.map((_, i) => `$${i + 1}`).join(', ')})`
    : '';
  const ctes = [
    ...(includeCommunities ? [membershipIntervalsCte(filter)] : []),
    recordIntervalsCte({ includeGlobal: options.includeGlobal, includeCommunities }),
    `
ivi AS MATERIALIZED (
  SELECT basis, community_id, '' AS field, '' AS item_id, record_id, parent_id, owner_id, s, e, wf,
         file_count AS fc, data_volume AS dv
  FROM rec_iv
  UNION ALL
  SELECT v.basis, v.community_id, i.field, i.item_id, v.record_id, v.parent_id, v.owner_id, v.s, v.e, v.wf,
         COALESCE(i.file_count, v.file_count) AS fc, COALESCE(i.data_volume, v.data_volume) AS dv
  FROM rec_iv v JOIN record_items i ON i.record_id = v.record_id
)`,
    islands('par', 'parent_id', 'ivi', 'rec_iv'),
    islands('upl', 'owner_id', `(SELECT * FROM ivi WHERE field = '' AND owner_id IS NOT NULL)`, 'rec_iv WHERE owner_id IS NOT NULL'),
  ];
  const ended = (t: string) => `${t} WHERE e IS NOT NULL`;
  const unions = [
    branch('ivi', 's', { rec_add_mo: count('NOT wf'), rec_add_wf: count('wf'), files_add: 'SUM(fc)', vol_add: 'SUM(dv)' }),
    branch(ended('ivi'), 'e', { rec_rem_mo: count('NOT wf'), rec_rem_wf: count('wf'), files_rem: 'SUM(fc)', vol_rem: 'SUM(dv)' }),
    branch(`ivi WHERE field = ''`, 's', { upl_day: 'COUNT(DISTINCT owner_id)' }),
    branch('par_i', 's', { par_add_mo: count('NOT wf'), par_add_wf: count('wf') }),
    branch(`par_i WHERE e <> ${FOREVER}`, 'e', { par_rem_mo: count('NOT wf'), par_rem_wf: count('wf') }),
    branch('upl_i', 's', { upl_add: 'COUNT(*)' }),
    branch(`upl_i WHERE e <> ${FOREVER}`, 'e', { upl_rem: 'COUNT(*)' }),
  ];
  const sums = FACT_COLUMNS.map((c) => `CAST(SUM(${c}) AS BIGINT) AS ${c}`).join(', ');
  return `INSERT INTO agg_record_facts (basis, community_id, day, field, item_id, ${FACT_COLUMNS.join(', ')})
WITH ${ctes.join(',')},
facts AS (
  ${unions.join('\n  UNION ALL\n  ')}
)
SELECT basis, community_id, day, field, item_id, ${sums}
FROM facts GROUP BY basis, community_id, day, field, item_id`;
}

/** Replace the record facts of these communities (and global when asked) with fresh ones. */
export async function rebuildRecordFacts(
  tx: SqlEngine,
  options: { communities: readonly string[]; includeGlobal: boolean },
): Promise<void> {
  const targets = [...options.communities, ...(options.includeGlobal ? ['global'] : [])];
  if (targets.length === 0) return;
  await tx.exec(
    `DELETE FROM agg_record_facts WHERE community_id IN (${targets.map((_, i) => `$${i + 1}`).join(', ')})`,
    targets,
  );
  await tx.exec(recordFactsSql(options), options.communities);
}
