/**
 * The soak's data side: what to ask for (communities and their years, read from the copy before the
 * server opens it), the NDJSON files of new usage events it posts, and the check afterwards that
 * nothing was lost — the served copy against a second copy given the same files by `repostats
 * import` and `repostats aggregate`, compared event by event and fact by fact.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FACT_COLUMNS } from '../../server/domain/aggregate/facts';
import { openDatabase } from '../../server/storage/open';

export interface SoakTargets {
  /** Community ids (with `global`) and the years each has data in. */
  communities: { id: string; years: number[] }[];
  recordIds: string[];
  lastDay: string;
}

export async function soakTargets(db: string): Promise<SoakTargets> {
  const engine = await openDatabase(db);
  try {
    const [span] = await engine.query<{ first: string; last: string }>('SELECT CAST(MIN(day) AS VARCHAR) AS first, CAST(MAX(day) AS VARCHAR) AS last FROM events');
    const years = (first: string, last: string) =>
      Array.from({ length: Number(last.slice(0, 4)) - Number(first.slice(0, 4)) + 1 }, (_, i) => Number(first.slice(0, 4)) + i);
    const rows = await engine.query<{ id: string }>('SELECT DISTINCT community_id AS id FROM memberships ORDER BY 1 LIMIT 50');
    const records = await engine.query<{ id: string }>('SELECT record_id AS id FROM records ORDER BY record_id LIMIT 500');
    const all = years(span!.first, span!.last);
    return {
      communities: [{ id: 'global', years: all }, ...rows.filter((r) => r.id !== 'global').map((r) => ({ id: r.id, years: all }))],
      recordIds: records.map((r) => r.id),
      lastDay: span!.last,
    };
  } finally {
    await engine.close();
  }
}

/** `files` NDJSON files of `perFile` distinct views and downloads over the data's last week. */
export function writeSoakEvents(dir: string, targets: SoakTargets, files: number, perFile: number): string[] {
  const start = Date.parse(`${targets.lastDay}T00:00:00Z`) - 6 * 86_400_000;
  const paths: string[] = [];
  for (let f = 0; f < files; f++) {
    const lines: string[] = [];
    for (let i = 0; i < perFile; i++) {
      const n = f * perFile + i;
      lines.push(JSON.stringify({
        type: n % 3 === 0 ? 'download' : 'view',
        // Distinct visitors a minute apart: the double-click rule keeps every one.
        timestamp: new Date(start + ((n * 61_000) % (7 * 86_400_000))).toISOString(),
        record_id: targets.recordIds[n % targets.recordIds.length],
        visitor_id: `soak-${n}`,
        event_id: `soak-${n}`,
        is_robot: false,
      }));
    }
    const path = join(dir, `soak-events-${String(f).padStart(3, '0')}.ndjson`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    paths.push(path);
  }
  return paths;
}

export interface LossCheck {
  eventsServed: number;
  eventsReference: number;
  /** Views + downloads in the `global` totals: reference minus served. */
  aggregatedLost: number;
  /** Usage fact rows present in one copy and not the other (any column differing). */
  factRowsDiffering: number;
}

/** The served copy against the reference copy (both closed by their processes). */
export async function compareWithReference(served: string, reference: string): Promise<LossCheck> {
  const engine = await openDatabase(served);
  try {
    await engine.exec(`ATTACH '${reference.replace(/'/g, "''")}' AS ref (READ_ONLY)`);
    const n = async (sql: string) => Number((await engine.query<{ n: unknown }>(sql))[0]?.n ?? 0);
    const cols = ['community_id', 'day', 'field', 'item_id', ...FACT_COLUMNS.usage].join(', ');
    const totals = (schema: string) => `(SELECT COALESCE(SUM(v_events + d_events), 0) FROM ${schema}agg_usage_facts WHERE community_id = 'global' AND field = '' AND item_id = '')`;
    return {
      eventsServed: await n('SELECT COUNT(*) AS n FROM events'),
      eventsReference: await n('SELECT COUNT(*) AS n FROM ref.events'),
      aggregatedLost: await n(`SELECT ${totals('ref.')} - ${totals('')} AS n`),
      factRowsDiffering: await n(
        `SELECT (SELECT COUNT(*) FROM (SELECT ${cols} FROM agg_usage_facts EXCEPT SELECT ${cols} FROM ref.agg_usage_facts))
              + (SELECT COUNT(*) FROM (SELECT ${cols} FROM ref.agg_usage_facts EXCEPT SELECT ${cols} FROM agg_usage_facts)) AS n`,
      ),
    };
  } finally {
    await engine.close();
  }
}
