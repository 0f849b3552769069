import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ErrorBodySchema } from '../../../src/api/schemas';
import { NOW, loadHandBuiltMonth } from '../../domain/counter/fixture';
import { IrSchema } from '../../domain/counter/schemas';
import { ADMIN, bearer, startTestServer, type TestServer } from '../testing';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({}, undefined, () => NOW);
  await loadHandBuiltMonth(s.db);
});
afterAll(async () => s?.stop());

const url = (community: string, file: string, query = 'begin_date=2024-03&end_date=2024-03') => `${s.url}/api/v1/communities/${community}/counter/${file}?${query}`;

describe('COUNTER reports from the dashboard', () => {
  it('when the lab’s PR is downloaded as TSV, then it is the tabular report with its header block, as an attachment', async () => {
    const res = await fetch(url('the-lab', 'pr.tsv'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/tab-separated-values; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="PR_lab_2024-03_2024-03.tsv"');
    const lines = (await res.text()).replace(/^\uFEFF/, '').split('\n').map((l) => l.split('\t'));
    expect(lines.slice(0, 5).map((l) => l.slice(0, 2))).toEqual([
      ['Report_Name', 'Platform Report'], ['Report_ID', 'PR'], ['Release', '5.1'], ['Institution_Name', 'The Lab'], ['Institution_ID', 'repostats:lab'],
    ]);
    expect(lines[13]?.every((c) => c === '')).toBe(true);
    expect(lines[14]).toEqual(['Platform', 'Data_Type', 'Metric_Type', 'Reporting_Period_Total', 'Mar-2024']);
    expect(lines.filter((l) => l[1] === 'Article').map((l) => [l[2], l[3]])).toEqual([
      ['Total_Item_Investigations', '1'], ['Total_Item_Requests', '1'], ['Unique_Item_Investigations', '1'], ['Unique_Item_Requests', '1'],
    ]);
  });

  it('when the IR is downloaded as XLSX, then the workbook holds the same header block and rows', async () => {
    const res = await fetch(url('global', 'ir.xlsx'));
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('IR');
    expect([sheet?.getCell('A1').value, sheet?.getCell('B1').value, sheet?.getCell('B10').value]).toEqual([
      'Report_Name', 'Item Report', 'Begin_Date=2024-03-01; End_Date=2024-03-31',
    ]);
    const header = (sheet?.getRow(15).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['Item', 'Publisher', 'Publisher_ID', 'Platform']);
    const dsRows: unknown[][] = [];
    sheet?.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1);
      if (v[0] === 'Title of ds-1') dsRows.push([v[header.indexOf('Metric_Type')], v[header.indexOf('Reporting_Period_Total')]]);
    });
    expect(dsRows).toEqual([['Total_Item_Investigations', 6], ['Total_Item_Requests', 3], ['Unique_Item_Investigations', 4], ['Unique_Item_Requests', 3]]);
  });

  it('when JSON is asked, then it is the SUSHI JSON', async () => {
    expect(IrSchema.safeParse(await (await fetch(url('global', 'ir.json'))).json()).success).toBe(true);
  });

  it('when the restricted community is asked without a token, then 404 as if unknown; with the admin token, then its report', async () => {
    expect((await fetch(url('the-vault', 'pr.tsv'))).status).toBe(404);
    const res = await fetch(url('the-vault', 'pr.tsv'), { headers: bearer(ADMIN) });
    expect([res.status, res.headers.get('cache-control')]).toEqual([200, 'private, max-age=300, must-revalidate']);
    expect((await res.text()).split('\n').filter((l) => l.includes('\tSoftware\t')).length).toBe(2);
  });

  it.each([
    ['a bad date', 'pr.tsv', 'begin_date=2024-3&end_date=2024-03', 400, 'invalid_parameter', 'begin_date'],
    ['no dates', 'pr.tsv', '', 400, 'invalid_parameter', 'begin_date'],
    ['an unknown report', 'tr_b1.tsv', undefined, 404, 'unknown_report', 'report'],
  ])('when %s, then a JSON error names it', async (_case, file, query, status, code, path) => {
    const res = await fetch(url('global', file, query));
    const body = ErrorBodySchema.parse(await res.json());
    expect([res.status, body.error.code, body.error.path]).toEqual([status, code, path]);
  });
});
