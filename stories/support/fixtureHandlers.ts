/**
 * The project's MSW handlers (createHandlers) serving the demo fixtures: real bundles the real
 * pipeline rendered from the tiny demo repository (`npm run fixtures`), for the communities the
 * fixtures hold. Fixture files load on demand, so a story fetches only the bundles it draws.
 */
import type { Community, SeriesBundle } from '../../src/api/schemas';
import { createHandlers } from '../../src/mocks/handlers';
import type { MockBundleOptions } from '../../src/mocks/bundles';
import { GLOBAL } from '../../src/core/kinds';
import index from '../../src/mocks/fixtures/index.json';

interface FixtureEntry {
  file: string;
  community: string;
  slug: string | null;
  title: string | null;
  category: string;
  basis: string | null;
  year: number;
}

const ENTRIES = index.bundles as FixtureEntry[];
const FILES = import.meta.glob<SeriesBundle>('../../src/mocks/fixtures/*.json', { import: 'default' });

/** The demo's last day: dashboards are pinned to it so every run shows the same numbers. */
export const FIXTURE_TODAY: string = index.source.endDate;

/** The fixtures' communities, shaped as GET /v1/communities answers. */
export const FIXTURE_COMMUNITIES: Community[] = [...new Map(ENTRIES.map((e) => [e.community, e])).values()].map((e) => ({
  id: e.community,
  slug: e.community === GLOBAL ? null : e.slug,
  title: e.title ?? (e.community === GLOBAL ? 'All records' : e.slug),
  restricted: false,
  enabled: true,
  records: 0,
  firstDay: `${index.source.year}-01-01`,
  lastDay: FIXTURE_TODAY,
}));

/** The first fixture community that is not `global`: the community dashboard's subject. */
export const FIXTURE_COMMUNITY: Community = FIXTURE_COMMUNITIES.find((c) => c.id !== GLOBAL) ?? FIXTURE_COMMUNITIES[0]!;

async function fixtureBundle({ community, category, year, basis }: MockBundleOptions): Promise<SeriesBundle | null> {
  const usage = category.startsWith('usage');
  // Only the "added" basis is rendered into fixtures; other bases answer "no data", as a server
  // that has not aggregated them would.
  const entry = ENTRIES.find((e) => e.community === community && e.category === category && e.year === year && (usage || e.basis === basis));
  const load = entry && FILES[`../../src/mocks/fixtures/${entry.file}`];
  return load ? load() : null;
}

export function fixtureHandlers({ aggregating = false }: { aggregating?: boolean } = {}) {
  return createHandlers({ today: FIXTURE_TODAY, communities: FIXTURE_COMMUNITIES, bundle: fixtureBundle, aggregating });
}
