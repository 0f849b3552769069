import { describe, expect, it } from 'vitest';
import { openDuckDb } from '../../storage/duckdb';
import { migrate } from '../../storage/migrate';
import { importLines } from '../../ingest';
import { buildBundle } from '../bundles/build';
import { runAggregation } from './run';

const record = {
  id: 'rec-1',
  parent: { id: 'par-1', communities: { ids: ['c1'] }, access: { owned_by: { user: '7' } } },
  created: '2024-03-01T10:00:00Z',
  metadata: { title: 'A paper', publication_date: '2024-03-01', resource_type: { id: 'publication-article' } },
  files: { enabled: true, entries: { 'paper.pdf': { key: 'paper.pdf', size: '1234', ext: 'pdf' } } },
};

describe('download volume', () => {
  it('when a download names a file but carries no size (a raw hit), then it counts the size of that file', async () => {
    const db = await openDuckDb(':memory:');
    await migrate(db);
    await importLines(db, { kind: 'records', lines: [JSON.stringify(record)], source: 'records' });
    const hits = [
      { type: 'download', timestamp: '2024-03-05T09:00:00Z', record_id: 'rec-1', file_key: 'paper.pdf', ip: '192.0.2.10', user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0', status: 200 },
      { type: 'download', timestamp: '2024-03-05T11:00:00Z', record_id: 'rec-1', file_key: 'paper.pdf', ip: '192.0.2.11', user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0', status: 200 },
      { type: 'download', timestamp: '2024-03-05T12:00:00Z', record_id: 'rec-1', file_key: 'paper.pdf', size: 99, visitor_id: 'v9', session_id: 's9' },
    ];
    const summary = await importLines(db, { kind: 'events', lines: hits.map((h) => JSON.stringify(h)), source: 'events' });
    expect(summary.rejected).toBe(0);
    await runAggregation(db);
    for (const community of ['global', 'c1']) {
      const bundle = await buildBundle(db, { community, category: 'usage-delta', year: 2024, basis: null });
      const day = bundle!.dates.indexOf('2024-03-05');
      expect(bundle!.totals.downloads?.[day]).toBe(3);
      // Two raw hits sized from the record's file, one processed event with its own size.
      expect(bundle!.totals.download_volume?.[day]).toBe(1234 * 2 + 99);
    }
    await db.close();
  });
});
