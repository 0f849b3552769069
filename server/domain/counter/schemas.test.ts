import { describe, expect, it } from 'vitest';
import { ExceptionSchema, IrSchema, PrP1Schema, ReportListSchema, StatusListSchema } from './schemas';

const header = {
  Report_Name: 'Item Report', Report_ID: 'IR', Release: '5.1', Institution_Name: 'The World',
  Institution_ID: { Proprietary: ['repo:0000000000000000'] }, Report_Filters: { Begin_Date: '2024-03-01', End_Date: '2024-03-31' },
  Created: '2024-04-10T12:00:00Z', Created_By: 'repostats', Registry_Record: '',
};
const item = (over: Record<string, unknown> = {}) => ({
  Item: 'A', Publisher: '', Platform: 'Repo', Item_ID: { Proprietary: 'repo:a' },
  Attribute_Performance: [{ Data_Type: 'Dataset', Performance: { Total_Item_Investigations: { '2024-03': 2 } } }],
  ...over,
});
interface Issue {
  path: PropertyKey[];
  errors?: Issue[][];
}
/** Every issue's path, following a union's alternatives down to where each failed. */
function paths(list: readonly Issue[], prefix: PropertyKey[] = []): string[] {
  return list.flatMap((i) => {
    const at = [...prefix, ...i.path];
    return i.errors ? i.errors.flatMap((alt) => paths(alt, at)) : [at.join('.')];
  });
}
const issues = (result: { error?: { issues: readonly unknown[] } }) => paths((result.error?.issues ?? []) as Issue[]);

describe('the COUNTER_SUSHI 5.1 schemas', () => {
  it('when an Item Report follows the specification, then it is accepted', () => {
    expect(IrSchema.safeParse({ Report_Header: header, Report_Items: [{ Items: [item()] }] }).success).toBe(true);
  });

  it.each([
    ['a Data_Type the Item Report does not allow', item({ Attribute_Performance: [{ Data_Type: 'Book', Performance: { Total_Item_Investigations: { '2024-03': 2 } } }] }), 'Report_Items.0.Items.0.Attribute_Performance.0.Data_Type'],
    ['a negative count', item({ Attribute_Performance: [{ Data_Type: 'Dataset', Performance: { Total_Item_Investigations: { '2024-03': -1 } } }] }), 'Report_Items.0.Items.0.Attribute_Performance.0.Performance.Total_Item_Investigations.2024-03'],
    ['a month key that is not yyyy-mm', item({ Attribute_Performance: [{ Data_Type: 'Dataset', Performance: { Total_Item_Investigations: { 'Mar-2024': 2 } } }] }), 'Report_Items.0.Items.0.Attribute_Performance.0.Performance.Total_Item_Investigations.Mar-2024'],
    ['an element the specification does not define', item({ Title: 'extra' }), 'Report_Items.0.Items.0'],
  ])('when an item has %s, then the schema rejects it at its path', (_what, bad, path) => {
    expect(issues(IrSchema.safeParse({ Report_Header: header, Report_Items: [{ Items: [bad] }] }))).toContain(path);
  });

  it('when the header lacks Institution_ID or says Release 5, then both are named', () => {
    const { Institution_ID: _, ...rest } = header;
    expect(issues(IrSchema.safeParse({ Report_Header: { ...rest, Release: '5' }, Report_Items: [] }))).toEqual(
      expect.arrayContaining(['Report_Header.Institution_ID', 'Report_Header.Release']),
    );
  });

  it('when a PR_P1 header changes its preset Metric_Type filter, then it is rejected', () => {
    const p1 = {
      ...header, Report_Name: 'Platform Usage', Report_ID: 'PR_P1',
      Report_Filters: { Begin_Date: '2024-03-01', End_Date: '2024-03-31', Access_Method: ['Regular'], Metric_Type: ['Total_Item_Requests'] },
    };
    expect(issues(PrP1Schema.safeParse({ Report_Header: p1, Report_Items: [] }))).toContain('Report_Header.Report_Filters.Metric_Type');
  });

  it('when status, report list and exceptions take their specified shapes, then they are accepted, and an empty list is not', () => {
    expect(StatusListSchema.safeParse([{ Service_Active: true, Description: 'ok' }]).success).toBe(true);
    expect(StatusListSchema.safeParse([]).success).toBe(false);
    expect(ExceptionSchema.safeParse({ Code: 3030, Message: 'No Usage Available for Requested Dates', Data: 'x' }).success).toBe(true);
    expect(ExceptionSchema.safeParse({ Code: 3030, Message: 'No Usage', Severity: 'Error' }).success).toBe(false);
    expect(
      ReportListSchema.safeParse([{ Report_Name: 'Platform Report', Report_ID: 'PR', Release: '5.1', Report_Description: 'd', First_Month_Available: '2024-01', Last_Month_Available: '2024-3' }]).success,
    ).toBe(false);
  });
});
