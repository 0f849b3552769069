import { describe, expect, it } from 'vitest';
import { monthHeading, monthOfParam } from './months';
import { parseReportRequest } from './request';
import { REPORTS, SushiError } from './spec';

const parse = (path: keyof typeof REPORTS, query: Record<string, unknown>) => parseReportRequest(REPORTS[path], query, { platform: 'Repo' });
const DATES = { begin_date: '2024-01', end_date: '2024-03-31' };

describe('parseReportRequest', () => {
  it.each([
    [{ end_date: '2024-03' }, 1030, 'begin_date is required (yyyy-mm or yyyy-mm-dd)'],
    [{ begin_date: '2024-01' }, 1030, 'end_date is required (yyyy-mm or yyyy-mm-dd)'],
    [{ begin_date: '2024-13', end_date: '2024-03' }, 3020, 'begin_date "2024-13" is not a date in the form yyyy-mm or yyyy-mm-dd'],
    [{ begin_date: '2024-01', end_date: '2023-02-29' }, 3020, 'end_date "2023-02-29" is not a date in the form yyyy-mm or yyyy-mm-dd'],
  ])('when the dates are %j, then Exception %i names the problem', (query, code, data) => {
    let error: unknown;
    try {
      parse('pr', query);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SushiError);
    expect((error as SushiError).exception).toMatchObject({ Code: code, Data: data });
  });

  it('when IR filters are given in any case, then they are read in their canonical spelling', () => {
    const { request, exceptions } = parse('ir', {
      ...DATES, metric_type: 'total_item_requests|Unique_Item_Requests', access_type: 'OPEN', yop: '2019-2020|0001', data_type: 'Dataset|Article',
      attributes_to_show: 'yop|Access_Type', include_parent_details: 'true', granularity: 'Total',
    });
    expect(exceptions).toEqual([]);
    expect(request).toMatchObject({
      begin: '2024-01', end: '2024-03', metricTypes: ['Total_Item_Requests', 'Unique_Item_Requests'], accessTypes: ['Open'],
      yop: [['2019', '2020'], ['0001', '0001']], dataTypes: ['Dataset', 'Article'], attributesToShow: ['YOP', 'Access_Type'],
      includeParentDetails: true, granularity: 'Totals',
    });
  });

  it('when a Standard View gets filters, then they are not recognised (3050) and its presets stay', () => {
    const { request, exceptions } = parse('ir_a1', { ...DATES, data_type: 'Dataset', customer_id: 'x', api_key: 'k' });
    expect(exceptions.map((e) => [e.Code, e.Data])).toEqual([[3050, 'data_type']]);
    expect(request.dataTypes).toEqual(['Article']);
  });

  it('when values are invalid, then 3060, 3062 and 3063 list them and the request continues without them', () => {
    const { request, exceptions } = parse('ir', {
      ...DATES, yop: '20x1|2021-2019|2022', access_method: 'Robot', include_component_details: 'True', granularity: 'Week', platform: 'Other',
    });
    expect(exceptions.map((e) => [e.Code, e.Data])).toEqual([
      [3060, 'access_method: Robot; platform: Other; yop: 20x1|2021-2019'],
      [3062, 'granularity: Week'],
      [3063, 'include_component_details=True'],
    ]);
    expect(request).toMatchObject({ yop: [['2022', '2022']], accessMethods: null, granularity: 'Month', platform: null });
  });
});

describe('months', () => {
  it.each([
    ['2024-02', '2024-02'], ['2024-02-29', '2024-02'], ['2023-02-29', null], ['2024-2', null], ['March', null],
  ])('when the parameter is %s, then its month is %s', (value, month) => {
    expect(monthOfParam(value)).toBe(month);
  });

  it('when a month heads a tabular column, then it reads Mmm-yyyy', () => {
    expect(['2024-01', '2024-12'].map(monthHeading)).toEqual(['Jan-2024', 'Dec-2024']);
  });
});
