import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../storage/port';
import { DEFAULT_SUBCOUNT_CONFIG, type SubcountConfig } from '../config/subcounts';
import { importLines } from './importLines';
import { syncSubcountConfig } from './subcountConfig';
import { freshDb, lines } from './testDb';

let db: SqlEngine;
beforeEach(async () => (db = await freshDb()));
afterEach(async () => db.close());

const record = {
  id: 'r1', created: '2023-04-05T00:00:00Z', metadata: { publication_date: '2022', publisher: 'Brill', subjects: [{ id: 's1', subject: 'History' }] },
};

describe('subcount configuration changes', () => {
  it('when the configuration changes, then every record is re-extracted from its raw JSON and all days are dirty', async () => {
    await importLines(db, { kind: 'records', lines: lines(record), source: 'r' });
    await importLines(db, { kind: 'events', lines: lines({ type: 'view', timestamp: '2024-02-01T00:00:00Z', record_id: 'r1', visitor_id: 'v' }), source: 'e' });
    await db.exec('DELETE FROM dirty_days');
    // Publishers now come from the subject's text: a deliberately different path.
    const changed: SubcountConfig = { ...DEFAULT_SUBCOUNT_CONFIG, publishers: { kind: 'values', sources: [{ path: 'metadata.subjects.subject' }] } };
    expect(await syncSubcountConfig(db, changed)).toBe(1);
    expect(await db.query("SELECT item_id FROM record_items WHERE field = 'publishers'")).toEqual([{ item_id: 'History' }]);
    expect(await db.query('SELECT scope, community_id, CAST(day AS TEXT) AS day FROM dirty_days ORDER BY scope')).toEqual([
      { scope: 'records', community_id: '*', day: '2022-01-01' },
      { scope: 'usage', community_id: '*', day: '2024-02-01' },
    ]);
    expect(await syncSubcountConfig(db, changed)).toBe(0);
  });

  it("when the configuration changes, then a record's earlier metadata versions are re-extracted too, keeping their periods", async () => {
    const version = (publisher: string, subject: string, updated: string) => ({
      ...record, updated, metadata: { ...record.metadata, publisher, subjects: [{ id: subject, subject }] },
    });
    await importLines(db, { kind: 'records', lines: lines(version('Brill', 'History', '2023-04-05T00:00:00Z')), source: 'r' });
    await importLines(db, { kind: 'records', lines: lines(version('Verso', 'Poetry', '2024-01-10T12:00:00Z')), source: 'r' });
    const history = () =>
      db.query("SELECT CAST(valid_from AS TEXT) AS valid_from, CAST(valid_to AS TEXT) AS valid_to, item_id FROM record_item_history WHERE field = 'publishers'");
    expect(await history()).toEqual([{ valid_from: '1900-01-01', valid_to: '2024-01-10', item_id: 'Brill' }]);
    const changed: SubcountConfig = { ...DEFAULT_SUBCOUNT_CONFIG, publishers: { kind: 'values', sources: [{ path: 'metadata.subjects.subject' }] } };
    await syncSubcountConfig(db, changed);
    expect(await history()).toEqual([{ valid_from: '1900-01-01', valid_to: '2024-01-10', item_id: 'History' }]);
    expect(await db.query("SELECT item_id FROM record_items WHERE field = 'publishers'")).toEqual([{ item_id: 'Poetry' }]);
  });

  it('when affiliations and funders are named only by text, then only identified ones count; turning identifiedOnly off counts names and re-extracts', async () => {
    const ubc = {
      id: 'r2', created: '2024-01-02T00:00:00Z',
      metadata: {
        creators: [{ affiliations: [{ name: 'University Of British Columbia' }] }, { affiliations: [{ id: '03rmrcq20', name: 'University of British Columbia' }] }],
        funding: [{ funder: { name: 'A private donor' } }, { funder: { id: '00k4n6c31', name: 'National Endowment for the Humanities' } }],
      },
    };
    const items = async (field: string) =>
      (await db.query<{ item_id: string }>('SELECT item_id FROM record_items WHERE field = $1 ORDER BY item_id', [field])).map((r) => r.item_id);
    await importLines(db, { kind: 'records', lines: lines(ubc), source: 'r' });
    expect(await items('affiliations')).toEqual(['03rmrcq20']);
    expect(await items('funders')).toEqual(['00k4n6c31']);

    const named: SubcountConfig = {
      ...DEFAULT_SUBCOUNT_CONFIG,
      affiliations: { ...DEFAULT_SUBCOUNT_CONFIG.affiliations, identifiedOnly: false } as SubcountConfig['affiliations'],
    };
    expect(await syncSubcountConfig(db, named)).toBe(1);
    expect(await items('affiliations')).toEqual(['03rmrcq20', 'University Of British Columbia']);
    expect(await items('funders')).toEqual(['00k4n6c31']);
  });

  it('when an import runs with an unchanged configuration, then nothing is re-extracted', async () => {
    await importLines(db, { kind: 'records', lines: lines(record), source: 'r' });
    expect(await syncSubcountConfig(db, DEFAULT_SUBCOUNT_CONFIG)).toBe(0);
  });
});
