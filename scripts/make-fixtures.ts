/**
 * Real series bundles for the mock layer: generates the tiny demo, imports it into an in-memory
 * DuckDB through the real ingest, aggregates with the real aggregators and writes a few bundles to
 * `src/mocks/fixtures/`, so MSW handlers serve numbers the server would really produce (not
 * hand-typed ones). Deterministic: same seed and end date → byte-identical files.
 *
 * Run: `npm run fixtures` (about a minute). Writes `index.json` listing every bundle file.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, type Basis, type Category } from '../src/core/metrics';
import { GLOBAL } from '../src/core/kinds';
import { loadDemo } from '../server/demo/load';
import { generateDemo } from '../server/demo/generate';
import { runAggregation } from '../server/domain/aggregate/run';
import { buildBundle } from '../server/domain/bundles/build';
import { openDuckDb } from '../server/storage/duckdb';
import { migrate } from '../server/storage/migrate';

const OUT = join(import.meta.dirname, '..', 'src', 'mocks', 'fixtures');
/** A full calendar year of data (the tiny demo spans one year ending on this day). */
const DEMO = { size: 'tiny', seed: 2026, endDate: '2025-12-31' } as const;
const YEAR = 2025;
/** How many communities besides `global` get bundles (the largest ones). */
const COMMUNITIES = 1;
/** Items kept per `top` field: fewer than the server's 20 keeps the checked-in files small. */
const TOP_N = 8;

interface FixtureEntry {
  file: string;
  community: string;
  slug: string;
  title: string | null;
  category: Category;
  basis: Basis | null;
  year: number;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  const db = await openDuckDb(':memory:');
  await migrate(db);
  log(`make-fixtures: importing the tiny demo (seed ${DEMO.seed}, ${DEMO.endDate}) …`);
  const loaded = await loadDemo(db, DEMO);
  for (const s of loaded.summaries) log(`  ${s.kind}: ${s.imported} imported, ${s.rejected} rejected`);
  log('make-fixtures: aggregating …');
  const run = await runAggregation(db, { today: DEMO.endDate });
  log(`  ${run.documents} documents over ${run.days} days`);

  const demo = generateDemo(DEMO);
  const sizes = await db.query<{ community_id: string; n: number }>(
    `SELECT community_id, count(DISTINCT record_id) AS n FROM memberships GROUP BY community_id ORDER BY n DESC, community_id`,
  );
  const chosen = sizes.slice(0, COMMUNITIES).map((row) => demo.communities.find((c) => c.id === row.community_id)!);
  const targets = [{ id: GLOBAL, slug: GLOBAL, title: null as string | null }, ...chosen.map((c) => ({ id: c.id, slug: c.slug, title: c.title }))];

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const index: FixtureEntry[] = [];
  for (const target of targets) {
    for (const category of CATEGORIES) {
      // The default basis only: the other bases have the same shape, and the files stay small.
      const bases: (Basis | null)[] = category.startsWith('record') ? ['added'] : [null];
      for (const basis of bases) {
        const bundle = await buildBundle(db, { community: target.id, category, year: YEAR, basis }, { topN: TOP_N });
        if (!bundle) continue;
        const file = `${target.slug}.${category}${basis ? `.${basis}` : ''}.${YEAR}.json`;
        writeFileSync(join(OUT, file), `${JSON.stringify(bundle)}\n`);
        index.push({ file, community: target.id, slug: target.slug, title: target.title, category, basis, year: YEAR });
      }
    }
  }
  writeFileSync(join(OUT, 'index.json'), `${JSON.stringify({ source: { ...DEMO, year: YEAR, topN: TOP_N }, bundles: index }, null, 2)}\n`);
  await db.close();
  const files = readdirSync(OUT).length;
  log(`make-fixtures: wrote ${files} files to ${OUT} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

await main();
