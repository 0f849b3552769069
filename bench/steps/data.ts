/**
 * The data set: the demo repository written as NDJSON, its last day's events split off (for the
 * incremental run), then imported into a fresh DuckDB file. Measures the import rate.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { writeDemoFiles } from '../../server/demo/write';
import type { DemoSizeName } from '../../server/demo/sizes';
import { importFile } from '../../server/ingest';
import { openDatabase } from '../../server/storage/open';
import { load } from '../machine';
import { fmt, type Section } from '../report';

export interface Dataset {
  dir: string;
  db: string;
  endDate: string;
  startDate: string;
  records: number;
  memberships: number;
  events: number;
  /**
   * Events of the last day, held back for the incremental run: an NDJSON file to import, or null
   * when they wait in the database itself (a `--db` copy, see fromFile.ts).
   */
  lastDayFile: string | null;
  lastDayEvents: number;
}

async function splitLastDay(src: string, dir: string, endDate: string): Promise<{ before: string; last: string; lastCount: number }> {
  const before = join(dir, 'events-before.ndjson');
  const last = join(dir, 'events-last-day.ndjson');
  const a = createWriteStream(before);
  const b = createWriteStream(last);
  let lastCount = 0;
  const marker = `"timestamp":"${endDate}T`;
  for await (const line of createInterface({ input: createReadStream(src), crlfDelay: Infinity })) {
    const onLastDay = line.includes(marker);
    if (onLastDay) lastCount++;
    const out = onLastDay ? b : a;
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  a.end();
  b.end();
  await Promise.all([once(a, 'finish'), once(b, 'finish')]);
  return { before, last, lastCount };
}

export async function buildDataset(opts: { size: DemoSizeName; seed: number; endDate: string; dir: string; log: (m: string) => void }): Promise<{ dataset: Dataset; section: Section }> {
  const started = load();
  opts.log(`generating the ${opts.size} demo into ${opts.dir}`);
  const { files, endDate, startDate } = await writeDemoFiles({ size: opts.size, seed: opts.seed, endDate: opts.endDate, outDir: opts.dir });
  const file = (k: string) => files.find((f) => f.kind === k)!;
  const split = await splitLastDay(file('events').path, opts.dir, endDate);
  const db = join(opts.dir, 'bench.duckdb');
  const engine = await openDatabase(db);
  const figures: Section['figures'] = [];
  try {
    for (const [kind, path] of [['memberships', file('memberships').path], ['records', file('records').path], ['events', split.before]] as const) {
      opts.log(`importing ${kind}`);
      const s = await importFile(engine, { kind, path });
      const rate = s.lines / (s.durationMs / 1000);
      figures.push({ metric: `import ${kind}: ${fmt.int(s.lines)} lines`, value: `${fmt.s(s.durationMs)} = ${fmt.int(rate)} ${kind}/s` });
    }
  } finally {
    await engine.close();
  }
  const dataset: Dataset = {
    dir: opts.dir, db, endDate, startDate,
    records: file('records').lines, memberships: file('memberships').lines, events: file('events').lines,
    lastDayFile: split.last, lastDayEvents: split.lastCount,
  };
  return {
    dataset,
    section: {
      title: 'Import',
      command: `repostats demo --size ${opts.size} --seed ${opts.seed} --end-date ${endDate} --out DIR, then importFile (= repostats import) of memberships, records, events (all but the last day)`,
      figures,
      load: started,
      notes: [
        'Single process, the same `importFile` the CLI runs (validation, visitor hashing, GeoIP, idempotency keys, dirty days).',
        'Events mix processed events (first 60 % of days) and raw hits (the rest: user-agent robot check, GeoIP, visitor hashing).',
      ],
    },
  };
}
