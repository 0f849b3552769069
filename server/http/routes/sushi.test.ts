import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLines } from '../../ingest';
import { NOW, loadHandBuiltMonth } from '../../domain/counter/fixture';
import { ExceptionSchema, MemberListSchema, PrSchema, ReportListSchema, StatusListSchema, IrSchema } from '../../domain/counter/schemas';
import { ADMIN, startTestServer, type TestServer } from '../testing';

let s: TestServer;
const WORLD_KEY = 'world-key-123456';
const LAB_KEY = 'lab-key-1234567';

beforeAll(async () => {
  s = await startTestServer(
    {
      counter: {
        platform: 'Test Repository', platformId: 'testrepo', registryRecord: '', createdBy: 'repostats', recordUrl: 'https://repo.example/records/{id}',
        customers: [
          { customer_id: 'global', name: 'World Harvester', api_key: WORLD_KEY },
          { customer_id: 'the-lab', name: 'The Lab Library', api_key: LAB_KEY },
          { customer_id: 'lab', name: 'Lab by requestor', requestor_id: 'req-lab' },
        ],
      },
    },
    undefined,
    () => NOW,
  );
  await loadHandBuiltMonth(s.db);
});
afterAll(async () => s?.stop());

const get = (path: string, query: Record<string, string> = {}) => fetch(`${s.url}/api/v1/sushi/r51/${path}?${new URLSearchParams(query)}`);
const MARCH = { begin_date: '2024-03', end_date: '2024-03' };

async function exception(res: Response) {
  const body = ExceptionSchema.parse(await res.json());
  return [res.status, body.Code, body.Message, body.Data];
}

describe('SUSHI status, members and report list', () => {
  it('when /status is asked without credentials, then it answers (it must be public) in the specified shape', async () => {
    const res = await get('status');
    expect(res.status).toBe(200);
    const body = StatusListSchema.parse(await res.json());
    expect(body[0]).toMatchObject({ Service_Active: true, Description: 'COUNTER_SUSHI API 5.1 of Test Repository' });
  });

  it('when /reports is asked with the world key, then every report is listed with the months processed', async () => {
    const body = ReportListSchema.parse(await (await get('reports', { customer_id: 'global', api_key: WORLD_KEY })).json());
    expect(body.map((r) => [r.Report_ID, r.Path, r.First_Month_Available, r.Last_Month_Available])).toEqual([
      ['PR', '/r51/reports/pr', '2024-02', '2024-03'], ['PR_P1', '/r51/reports/pr_p1', '2024-02', '2024-03'], ['IR', '/r51/reports/ir', '2024-02', '2024-03'],
      ['IR_A1', '/r51/reports/ir_a1', '2024-02', '2024-03'], ['IR_M1', '/r51/reports/ir_m1', '2024-02', '2024-03'],
    ]);
  });

  it('when any valid credential asks for "The World" (0000000000000000), then it is open to it, as section 8.2 asks', async () => {
    const res = await get('reports/pr_p1', { customer_id: '0000000000000000', requestor_id: 'req-lab', ...MARCH });
    const body = (await res.json()) as { Report_Header: { Institution_Name: string; Institution_ID: unknown } };
    expect([res.status, body.Report_Header.Institution_Name, body.Report_Header.Institution_ID]).toEqual([200, 'The World', { Proprietary: ['testrepo:0000000000000000'] }]);
  });

  it('when /members is asked, then a customer sees itself and the admin on global sees every community', async () => {
    const lab = MemberListSchema.parse(await (await get('members', { customer_id: 'the-lab', api_key: LAB_KEY })).json());
    expect(lab).toEqual([{ Customer_ID: 'the-lab', Institution_Name: 'The Lab Library', Institution_ID: { Proprietary: ['testrepo:the-lab'] } }]);
    const all = MemberListSchema.parse(await (await get('members', { customer_id: 'global', api_key: ADMIN })).json());
    expect(all.map((m) => [m.Customer_ID, m.Institution_Name])).toEqual([['global', 'The World'], ['lab', 'The Lab'], ['vault', 'The Vault']]);
  });
});

describe('SUSHI exceptions that stop a request', () => {
  it.each([
    ['no credentials', 'reports', { customer_id: 'global' }, [400, 1030, 'Insufficient Information to Process Request', 'api_key or requestor_id is required']],
    ['no customer_id', 'reports/pr', { api_key: WORLD_KEY, ...MARCH }, [400, 1030, 'Insufficient Information to Process Request', 'customer_id is required']],
    ['a wrong api_key', 'reports', { customer_id: 'global', api_key: 'guessed-key-000' }, [401, 2020, 'APIKey Invalid', 'the api_key is not valid']],
    ['an unknown requestor_id', 'members', { customer_id: 'lab', requestor_id: 'someone' }, [401, 2000, 'Requestor Not Authorized to Access Service', 'the requestor_id is not recognised']],
    ['the lab key asking for the vault', 'reports/pr', { customer_id: 'vault', api_key: LAB_KEY, ...MARCH }, [403, 2010, 'Requestor is Not Authorized to Access Usage for Institution', 'these credentials do not open customer_id "vault"']],
    ['an unknown customer', 'reports', { customer_id: 'nowhere', api_key: LAB_KEY }, [403, 2010, 'Requestor is Not Authorized to Access Usage for Institution', 'customer_id "nowhere" is not known']],
    ['dates in the wrong form', 'reports/pr', { customer_id: 'global', api_key: WORLD_KEY, begin_date: 'March 2024', end_date: '2024-03' }, [400, 3020, 'Invalid Date Arguments', 'begin_date "March 2024" is not a date in the form yyyy-mm or yyyy-mm-dd']],
    ['an end before the begin', 'reports/ir', { customer_id: 'global', api_key: WORLD_KEY, begin_date: '2024-03', end_date: '2024-02' }, [400, 3020, 'Invalid Date Arguments', 'end_date 2024-02 is before begin_date 2024-03']],
    ['a begin in the current month', 'reports/ir', { customer_id: 'global', api_key: WORLD_KEY, begin_date: '2024-04', end_date: '2024-04' }, [400, 3020, 'Invalid Date Arguments', 'begin_date 2024-04 is the current or a future month; the last month that can have usage is 2024-03']],
    ['no end_date', 'reports/pr_p1', { customer_id: 'global', api_key: WORLD_KEY, begin_date: '2024-03' }, [400, 1030, 'Insufficient Information to Process Request', 'end_date is required (yyyy-mm or yyyy-mm-dd)']],
  ])('when %s, then the single Exception with its HTTP status is the answer', async (_case, path, query, expected) => {
    expect(await exception(await get(path, query))).toEqual(expected);
  });

  it('when the report id is unknown, then the path is a 404 naming the reports provided', async () => {
    const res = await get('reports/tr_j1', { customer_id: 'global', api_key: WORLD_KEY, ...MARCH });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('no COUNTER report "tr_j1" here; this server provides pr, pr_p1, ir, ir_a1, ir_m1');
  });
});

describe('SUSHI reports', () => {
  it('when the world key asks for PR, then the JSON follows the schema with the hand-counted figures and is cached by ETag', async () => {
    const res = await get('reports/pr', { customer_id: 'global', api_key: WORLD_KEY, ...MARCH, data_type: 'Dataset' });
    expect(res.status).toBe(200);
    const body = PrSchema.parse(await res.json());
    expect(body.Report_Header).toMatchObject({ Institution_Name: 'World Harvester', Report_Filters: { Data_Type: ['Dataset'] } });
    expect(body.Report_Items[0]?.Attribute_Performance).toEqual([{
      Data_Type: 'Dataset',
      Performance: { Total_Item_Investigations: { '2024-03': 6 }, Total_Item_Requests: { '2024-03': 3 }, Unique_Item_Investigations: { '2024-03': 4 }, Unique_Item_Requests: { '2024-03': 3 } },
    }]);
    const etag = res.headers.get('etag') ?? '';
    const again = await fetch(`${res.url}`, { headers: { 'If-None-Match': etag } });
    expect([again.status, etag]).toEqual([304, expect.stringMatching(/^".+"$/)]);
  });

  it('when the requestor_id of the lab asks for its IR, then the article counts from the day it joined the lab and the URI is the landing page', async () => {
    const body = IrSchema.parse(await (await get('reports/ir', { customer_id: 'lab', requestor_id: 'req-lab', ...MARCH, item_id: 'testrepo:ar-1' })).json());
    expect(body.Report_Items).toEqual([{ Items: [expect.objectContaining({
      Item: 'Title of ar-1',
      Item_ID: { DOI: '10.1234/ar-1', Proprietary: 'testrepo:ar-1', URI: 'https://repo.example/records/ar-1' },
      Attribute_Performance: [{ Data_Type: 'Article', Performance: { Total_Item_Investigations: { '2024-03': 1 }, Total_Item_Requests: { '2024-03': 1 }, Unique_Item_Investigations: { '2024-03': 1 }, Unique_Item_Requests: { '2024-03': 1 } } }],
    })] }]);
  });

  it('when a filter leaves no usage, then the report is empty and says 3030 with HTTP 200', async () => {
    const res = await get('reports/pr', { customer_id: 'the-lab', api_key: LAB_KEY, ...MARCH, data_type: 'Software' });
    const body = PrSchema.parse(await res.json());
    expect([res.status, body.Report_Items, body.Report_Header.Exceptions?.map((e) => e.Code)]).toEqual([200, [], [3030]]);
  });

  it('when the admin token asks for the vault, then its restricted usage is reported', async () => {
    const body = PrSchema.parse(await (await get('reports/pr', { customer_id: 'the-vault', api_key: ADMIN, ...MARCH })).json());
    expect(body.Report_Items[0]?.Attribute_Performance.map((a) => a.Data_Type)).toEqual(['Software']);
  });

  it('when a late event of March arrives before the next run, then March is not ready (3031) until the aggregation has run', async () => {
    const late = { type: 'view', timestamp: '2024-03-30T09:00:00Z', record_id: 'ds-1', visitor_id: 'late' };
    await importLines(s.db, { kind: 'events', lines: [JSON.stringify(late)], source: 'late' });
    const body = PrSchema.parse(await (await get('reports/pr', { customer_id: 'global', api_key: WORLD_KEY, begin_date: '2024-02', end_date: '2024-03' })).json());
    expect(body.Report_Header.Exceptions).toEqual([
      { Code: 3031, Message: 'Usage Not Ready for Requested Dates', Data: 'request was for 2024-02-01 to 2024-03-31; however, usage is only available to 2024-02-29' },
    ]);
    expect(body.Report_Items[0]?.Attribute_Performance).toEqual([{ Data_Type: 'Dataset', Performance: { Total_Item_Investigations: { '2024-02': 1 }, Unique_Item_Investigations: { '2024-02': 1 } } }]);
  });
});
