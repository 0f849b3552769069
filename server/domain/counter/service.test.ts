import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../ingest/testDb';
import { loadConfig } from '../../config';
import type { SqlEngine } from '../../storage/port';
import { NOW, loadHandBuiltMonth } from './fixture';
import { counterJson } from './json';
import { REPORT_SCHEMAS } from './schemas';
import { computeReport, prepareReport, reportList, type CounterCustomer } from './service';
import { REPORTS, type ReportPath } from './spec';
import { toTable, toTsv } from './tabular';

let db: SqlEngine;
beforeAll(async () => {
  db = await freshDb();
  await loadHandBuiltMonth(db);
});
afterAll(() => db.close());

const counter = { ...loadConfig({}).counter, platform: 'Test Repository', platformId: 'testrepo' };
const WORLD: CounterCustomer = { customerId: 'global', community: 'global', institutionName: 'The World', includeRestricted: false };
const LAB: CounterCustomer = { customerId: 'the-lab', community: 'lab', institutionName: 'The Lab', includeRestricted: false };

async function report(path: ReportPath, query: Record<string, string>, customer = WORLD) {
  const prepared = await prepareReport(db, { report: REPORTS[path], query, customer, counter, now: NOW });
  return computeReport(db, prepared, { counter, now: NOW });
}
const MARCH = { begin_date: '2024-03', end_date: '2024-03' };

describe('Platform Report', () => {
  it('when PR is asked for March, then each Data_Type has its hand-counted metrics, title metrics on the book only, and the JSON follows the COUNTER_SUSHI schema', async () => {
    const json = counterJson(await report('pr', MARCH));
    expect(REPORT_SCHEMAS.pr.safeParse(json).error).toBeUndefined();
    const perf = Object.fromEntries(
      (json['Report_Items'] as { Attribute_Performance: { Data_Type: string; Performance: unknown }[] }[])[0]!.Attribute_Performance.map((a) => [a.Data_Type, a.Performance]),
    );
    expect(perf).toEqual({
      Article: { Total_Item_Investigations: { '2024-03': 2 }, Total_Item_Requests: { '2024-03': 1 }, Unique_Item_Investigations: { '2024-03': 2 }, Unique_Item_Requests: { '2024-03': 1 } },
      Book_Segment: {
        Total_Item_Investigations: { '2024-03': 3 }, Total_Item_Requests: { '2024-03': 2 }, Unique_Item_Investigations: { '2024-03': 3 }, Unique_Item_Requests: { '2024-03': 2 },
        Unique_Title_Investigations: { '2024-03': 2 }, Unique_Title_Requests: { '2024-03': 1 },
      },
      Dataset: { Total_Item_Investigations: { '2024-03': 6 }, Total_Item_Requests: { '2024-03': 3 }, Unique_Item_Investigations: { '2024-03': 4 }, Unique_Item_Requests: { '2024-03': 3 } },
    });
    expect(json['Report_Header']).toMatchObject({
      Report_ID: 'PR', Release: '5.1', Institution_Name: 'The World', Institution_ID: { Proprietary: ['testrepo:0000000000000000'] },
      Report_Filters: { Begin_Date: '2024-03-01', End_Date: '2024-03-31' }, Created: '2024-04-10T12:00:00Z',
    });
    expect(json['Report_Header']).not.toHaveProperty('Exceptions');
  });

  it('when PR_P1 covers February and March for the lab, then it keeps requests only and the article counts from the day it joined', async () => {
    const json = counterJson(await report('pr_p1', { begin_date: '2024-02', end_date: '2024-03-31' }, LAB));
    expect(REPORT_SCHEMAS.pr_p1.safeParse(json).error).toBeUndefined();
    const perf = (json['Report_Items'] as { Attribute_Performance: { Data_Type: string; Performance: unknown }[] }[])[0]!.Attribute_Performance;
    expect(perf).toEqual([
      { Data_Type: 'Article', Performance: { Total_Item_Requests: { '2024-03': 1 }, Unique_Item_Requests: { '2024-03': 1 } } },
      { Data_Type: 'Book_Segment', Performance: { Total_Item_Requests: { '2024-03': 2 }, Unique_Item_Requests: { '2024-03': 2 }, Unique_Title_Requests: { '2024-03': 1 } } },
      { Data_Type: 'Dataset', Performance: { Total_Item_Requests: { '2024-03': 3 }, Unique_Item_Requests: { '2024-03': 3 } } },
    ]);
    expect(json['Report_Header']).toMatchObject({
      Institution_ID: { Proprietary: ['testrepo:the-lab'] },
      Report_Filters: { Access_Method: ['Regular'], Metric_Type: ['Searches_Platform', 'Total_Item_Requests', 'Unique_Item_Requests', 'Unique_Title_Requests'] },
    });
  });

  it('when Granularity=Totals and Access_Method is shown, then one count per metric is given for the whole period', async () => {
    const json = counterJson(await report('pr', { begin_date: '2024-02', end_date: '2024-03', granularity: 'Totals', attributes_to_show: 'Access_Method', data_type: 'Dataset' }));
    expect(REPORT_SCHEMAS.pr.safeParse(json).error).toBeUndefined();
    expect(json['Report_Items']).toEqual([{
      Platform: 'Test Repository',
      Attribute_Performance: [{
        Data_Type: 'Dataset', Access_Method: 'Regular',
        Performance: { Total_Item_Investigations: { '2024-02': 7 }, Total_Item_Requests: { '2024-02': 3 }, Unique_Item_Investigations: { '2024-02': 5 }, Unique_Item_Requests: { '2024-02': 3 } },
      }],
    }]);
    expect(json['Report_Header']).toMatchObject({ Report_Attributes: { Attributes_To_Show: ['Access_Method'], Granularity: 'Totals' }, Report_Filters: { Data_Type: ['Dataset'] } });
  });
});

describe('Item Report', () => {
  it('when IR is asked for with every attribute, then each record is an item with its metadata and figures, valid against the schema', async () => {
    const json = counterJson(await report('ir', { ...MARCH, attributes_to_show: 'YOP|Access_Type|Access_Method|Authors|Publication_Date' }));
    expect(REPORT_SCHEMAS.ir.safeParse(json).error).toBeUndefined();
    const items = (json['Report_Items'] as { Items: Record<string, unknown>[] }[])[0]!.Items;
    expect(items.map((i) => i['Item'])).toEqual(['Title of ar-1', 'Title of bk-1v1', 'Title of bk-1v2', 'Title of ds-1']);
    expect(items[3]).toEqual({
      Item: 'Title of ds-1',
      Publisher: 'Repo Press',
      Platform: 'Test Repository',
      Authors: [{ Name: 'Doe, Jane', ORCID: '0000-0002-1825-0097' }],
      Publication_Date: '2023-05-01',
      Item_ID: { DOI: '10.1234/ds-1', Proprietary: 'testrepo:ds-1', URI: 'https://doi.org/10.1234/ds-1' },
      Attribute_Performance: [{
        Data_Type: 'Dataset', YOP: '2023', Access_Type: 'Open', Access_Method: 'Regular',
        Performance: { Total_Item_Investigations: { '2024-03': 6 }, Total_Item_Requests: { '2024-03': 3 }, Unique_Item_Investigations: { '2024-03': 4 }, Unique_Item_Requests: { '2024-03': 3 } },
      }],
    });
    expect(items[0]!['Attribute_Performance']).toEqual([expect.objectContaining({ Data_Type: 'Article', YOP: '0001', Access_Type: 'Controlled' })]);
  });

  it('when IR_A1 is asked for, then only the article appears, under its journal, with its requests', async () => {
    const json = counterJson(await report('ir_a1', MARCH));
    expect(REPORT_SCHEMAS.ir_a1.safeParse(json).error).toBeUndefined();
    expect(json['Report_Items']).toEqual([{
      Title: 'Journal of Tests', Data_Type: 'Journal', Item_ID: { Online_ISSN: '1234-5679' },
      Items: [expect.objectContaining({
        Item: 'Title of ar-1',
        Attribute_Performance: [{ Access_Type: 'Controlled', Performance: { Total_Item_Requests: { '2024-03': 1 }, Unique_Item_Requests: { '2024-03': 1 } } }],
      })],
    }]);
  });

  it('when IR_M1 is asked for and no multimedia item was used, then the report is empty with Exception 3030', async () => {
    const json = counterJson(await report('ir_m1', MARCH));
    expect(REPORT_SCHEMAS.ir_m1.safeParse(json).error).toBeUndefined();
    expect(json['Report_Items']).toEqual([]);
    expect(json['Report_Header']).toMatchObject({ Exceptions: [expect.objectContaining({ Code: 3030, Message: 'No Usage Available for Requested Dates' })] });
  });

  it('when item_id names one version by DOI, then only that version is reported', async () => {
    const r = await report('ir', { ...MARCH, item_id: 'https://doi.org/10.1234/bk-1v2' });
    expect(r.body.kind === 'item' && r.body.items.map((i) => i.recordId)).toEqual(['bk-1v2']);
  });
});

describe('Exceptions in the report header', () => {
  it('when the period runs into the current month and starts before any usage, then 3031 and 3032 say so and the available months are reported', async () => {
    const r = await report('pr', { begin_date: '2024-01', end_date: '2024-04' });
    expect(r.exceptions.map((e) => [e.Code, e.Data])).toEqual([
      [3031, 'request was for 2024-01-01 to 2024-04-30; however, usage is only available to 2024-03-31'],
      [3032, 'request was for 2024-01-01 to 2024-04-30; however, usage is only available from 2024-02-01'],
    ]);
    expect([r.begin, r.end]).toEqual(['2024-01', '2024-03']);
    expect(r.body.kind === 'platform' && r.body.rows.map((x) => x.dataType)).toEqual(['Article', 'Book_Segment', 'Dataset']);
  });

  it('when unsupported parameters and values are given, then 3050, 3060 and 3062 list them and the rest of the request is served', async () => {
    const r = await report('pr', { ...MARCH, data_type: 'dataset|Poem', colour: 'blue', attributes_to_show: 'YOP', country_code: 'FR' });
    expect(r.exceptions.map((e) => [e.Code, e.Data])).toEqual([
      [3050, 'colour'],
      [3060, 'country_code: not supported; data_type: Poem'],
      [3062, 'attributes_to_show: YOP'],
    ]);
    expect(r.request.dataTypes).toEqual(['Dataset']);
  });
});

describe('tabular layout', () => {
  it('when PR is written as TSV, then the 13 header rows, a blank row and the body follow the Code of Practice', async () => {
    const tsv = toTsv(toTable(await report('pr', { begin_date: '2024-02', end_date: '2024-03', attributes_to_show: 'Access_Method' })));
    const lines = tsv.replace(/^\uFEFF/, '').trimEnd().split('\n').map((l) => l.split('\t'));
    expect(lines.slice(0, 14).map((l) => l.slice(0, 2))).toEqual([
      ['Report_Name', 'Platform Report'],
      ['Report_ID', 'PR'],
      ['Release', '5.1'],
      ['Institution_Name', 'The World'],
      ['Institution_ID', 'testrepo:0000000000000000'],
      ['Metric_Types', ''],
      ['Report_Filters', ''],
      ['Report_Attributes', 'Attributes_To_Show=Access_Method'],
      ['Exceptions', ''],
      ['Reporting_Period', 'Begin_Date=2024-02-01; End_Date=2024-03-31'],
      ['Created', '2024-04-10T12:00:00Z'],
      ['Created_By', 'repostats'],
      ['Registry_Record', ''],
      ['', ''],
    ]);
    expect(lines[14]).toEqual(['Platform', 'Data_Type', 'Access_Method', 'Metric_Type', 'Reporting_Period_Total', 'Feb-2024', 'Mar-2024']);
    expect(lines.slice(15).filter((l) => l[1] === 'Dataset')).toEqual([
      ['Test Repository', 'Dataset', 'Regular', 'Total_Item_Investigations', '7', '1', '6'],
      ['Test Repository', 'Dataset', 'Regular', 'Total_Item_Requests', '3', '0', '3'],
      ['Test Repository', 'Dataset', 'Regular', 'Unique_Item_Investigations', '5', '1', '4'],
      ['Test Repository', 'Dataset', 'Regular', 'Unique_Item_Requests', '3', '0', '3'],
    ]);
    expect(tsv.startsWith('\uFEFFReport_Name\tPlatform Report')).toBe(true);
  });

  it('when IR_A1 is tabulated, then its columns are those of Table 4.p in order and its filters are preset', async () => {
    const table = toTable(await report('ir_a1', MARCH));
    expect(table.columns).toEqual([
      'Item', 'Publisher', 'Publisher_ID', 'Platform', 'Authors', 'Publication_Date', 'Article_Version', 'DOI', 'Proprietary_ID',
      'Print_ISSN', 'Online_ISSN', 'URI', 'Parent_Title', 'Parent_Authors', 'Parent_Article_Version', 'Parent_DOI',
      'Parent_Proprietary_ID', 'Parent_Print_ISSN', 'Parent_Online_ISSN', 'Parent_URI', 'Access_Type', 'Metric_Type',
      'Reporting_Period_Total', 'Mar-2024',
    ]);
    expect(table.header.slice(5, 7)).toEqual([['Metric_Types', 'Total_Item_Requests; Unique_Item_Requests'], ['Report_Filters', 'Data_Type=Article; Access_Method=Regular']]);
    expect(table.rows[0]).toEqual([
      'Title of ar-1', 'Repo Press', '', 'Test Repository', 'Doe, Jane (ORCID:0000-0002-1825-0097)', '', '', '10.1234/ar-1', 'testrepo:ar-1',
      '', '', 'https://doi.org/10.1234/ar-1', 'Journal of Tests', '', '', '', '', '', '1234-5679', '', 'Controlled', 'Total_Item_Requests', 1, 1,
    ]);
  });
});

describe('report list', () => {
  it('when the reports are listed, then each gives the months processed so far', async () => {
    const list = await reportList(db, { community: 'lab', now: NOW });
    expect(list.map((r) => [r.Report_ID, r.First_Month_Available, r.Last_Month_Available])).toEqual([
      ['PR', '2024-02', '2024-03'], ['PR_P1', '2024-02', '2024-03'], ['IR', '2024-02', '2024-03'], ['IR_A1', '2024-02', '2024-03'], ['IR_M1', '2024-02', '2024-03'],
    ]);
  });
});
