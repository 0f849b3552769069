import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { SeriesBundle } from '../../src/api/schemas';
import { bundleRows, exportFileName, writeBundleCsv } from './exports';

const bundle: SeriesBundle = {
  schemaVersion: 1,
  community: 'c1',
  category: 'record-delta',
  basis: 'created',
  year: 2024,
  dates: ['2024-01-01', '2024-01-02'],
  dataAsOf: '2024-01-02',
  totals: { records: [1, 2] },
  subcounts: {
    funders: {
      items: [{ id: 'f1', labels: { fr: 'Fonds, national', en: '=Fund' } }],
      series: { records: [[1, 0]] },
      other: { records: [0, 2] },
      otherItems: 3,
    },
  },
};

describe('bundle exports', () => {
  it('when a bundle is flattened, then totals, items and the exact other come as long rows with ISO dates', () => {
    expect([...bundleRows(bundle)]).toEqual([
      ['2024-01-01', 'records', '', '', 1],
      ['2024-01-02', 'records', '', '', 2],
      ['2024-01-01', 'funders.records', 'f1', '=Fund', 1],
      ['2024-01-02', 'funders.records', 'f1', '=Fund', 0],
      ['2024-01-01', 'funders.records', '_other', 'Other', 0],
      ['2024-01-02', 'funders.records', '_other', 'Other', 2],
    ]);
  });

  it('when written as CSV, then a label that looks like a formula is defused', async () => {
    const out = new PassThrough();
    const written = text(out);
    await writeBundleCsv(bundle, out);
    out.end();
    const csv = (await written).split('\r\n');
    expect(csv[0]).toBe('date,series,item_id,label,value');
    expect(csv[3]).toBe("2024-01-01,funders.records,f1,'=Fund,1");
  });

  it.each([
    [{ community: 'c1', category: 'record-delta', basis: 'created', year: 2024 }, 'csv', 'repostats-c1-record-delta-created-2024.csv'],
    [{ community: 'a b/c', category: 'usage-delta', basis: null, year: 2023 }, 'xlsx', 'repostats-a_b_c-usage-delta-2023.xlsx'],
  ] as const)('when the file name is made for %j, then it is %s-safe', (key, ext, name) => {
    expect(exportFileName(key, ext)).toBe(name);
  });
});
