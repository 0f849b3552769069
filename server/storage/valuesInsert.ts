/**
 * Multi-row `INSERT … VALUES ($1,…),(…)` statements in chunks that stay under a parameter
 * budget: the small-batch path both engines share (each converts values its own way).
 */
const CHUNK_PARAMS = 30_000;

export interface ValuesChunk<P> {
  sql: string;
  params: P[];
}

export function* valuesInsertChunks<P>(
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: { onConflict?: 'ignore' | 'error'; toParam: (value: unknown) => P },
): Generator<ValuesChunk<P>> {
  const perChunk = Math.max(1, Math.floor(CHUNK_PARAMS / columns.length));
  const head = `INSERT INTO ${table} (${columns.join(',')}) VALUES `;
  const conflict = options.onConflict === 'ignore' ? ' ON CONFLICT DO NOTHING' : '';
  for (let start = 0; start < rows.length; start += perChunk) {
    const params: P[] = [];
    const tuples = rows.slice(start, start + perChunk).map((row) => {
      const slots = row.map((v) => {
        params.push(options.toParam(v));
        return `$${params.length}`;
      });
      return `(${slots.join(',')})`;
    });
    yield { sql: head + tuples.join(',') + conflict, params };
  }
}
