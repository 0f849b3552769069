/**
 * The counted usage events between two days, as a SQL subquery. Uses the ingest side's
 * `countedEventsSql` (COUNTER rules) when it is present in this tree; until then, the events that
 * are neither robots nor failed requests.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type CountedEventsSql = (range: { from: string; to: string }) => string;

let counted: CountedEventsSql | null | undefined;

async function loadCounting(): Promise<CountedEventsSql | null> {
  const path = fileURLToPath(new URL('../counting.ts', import.meta.url));
  const js = path.replace(/\.ts$/, '.js');
  if (!existsSync(path) && !existsSync(js)) return null;
  // The specifier is a variable so this file type-checks before counting.ts lands.
  const specifier = '../counting';
  const mod = (await import(/* @vite-ignore */ specifier)) as { countedEventsSql?: CountedEventsSql };
  return mod.countedEventsSql ?? null;
}

function fallback({ from, to }: { from: string; to: string }): string {
  return `SELECT * FROM events WHERE NOT is_robot AND ok AND day BETWEEN DATE '${from}' AND DATE '${to}'`;
}

/** `from`/`to` are validated `YYYY-MM-DD` days, safe to inline. */
export async function countedEvents(range: { from: string; to: string }): Promise<string> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(range.from) || !/^\d{4}-\d{2}-\d{2}$/.test(range.to)) {
    throw new Error(`invalid day range ${range.from}..${range.to}`);
  }
  if (counted === undefined) counted = await loadCounting();
  return (counted ?? fallback)(range);
}
