/**
 * The COUNTER part of the OpenAPI document: the SUSHI 5.1 paths and the dashboard's tabular
 * download, with the response schemas of `domain/counter/schemas.ts`.
 */
import { z } from 'zod';
import {
  ExceptionSchema, IrA1Schema, IrM1Schema, IrSchema, MemberListSchema, PrP1Schema, PrSchema, ReportListSchema, StatusListSchema,
} from '../domain/counter/schemas';
import { REPORTS, REPORT_PATHS } from '../domain/counter/spec';
import { SUSHI_BASE } from './routes/sushi';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const q = (name: string, description: string, required = false) => ({ name, in: 'query', required, description, schema: { type: 'string' } });
const exception = (description: string) => ({ description, content: json('CounterException') });

const CREDENTIALS = [
  q('customer_id', '`global` (or 0000000000000000) for the whole repository, or a community id or slug', true),
  q('api_key', 'a configured customer key, or the admin token'),
  q('requestor_id', 'a configured requestor id (with its customer_id)'),
  q('platform', 'optional; must be the configured platform name'),
];
const PERIOD = [q('begin_date', 'yyyy-mm or yyyy-mm-dd', true), q('end_date', 'yyyy-mm or yyyy-mm-dd', true)];
const MASTER = [
  q('metric_type', 'Metric_Types separated by |'), q('data_type', 'Data_Types separated by |'), q('access_method', 'Regular or TDM'),
  q('attributes_to_show', 'attributes separated by |'), q('granularity', 'Month (default) or Totals'),
];
const ITEM = [
  q('access_type', 'Controlled|Open'), q('yop', 'years or ranges yyyy-yyyy separated by |'), q('item_id', 'platformId:recordId, a DOI or a record id'),
  q('include_parent_details', 'True or False'),
];
const ERRORS = {
  '400': exception('1030 insufficient information, 3020 invalid dates'),
  '401': exception('2000 unknown requestor_id, 2020 invalid api_key'),
  '403': exception('2010 not authorised for this customer'),
};
const SCHEMA_OF = { pr: 'CounterPR', pr_p1: 'CounterPR_P1', ir: 'CounterIR', ir_a1: 'CounterIR_A1', ir_m1: 'CounterIR_M1' } as const;

export function counterOpenApi(): { schemas: Record<string, unknown>; paths: Record<string, unknown> } {
  const reports = Object.fromEntries(
    REPORT_PATHS.map((path) => {
      const r = REPORTS[path];
      const filters = r.preset ? [] : [...MASTER, ...(r.kind === 'item' ? ITEM : [])];
      return [
        `${SUSHI_BASE}/reports/${path}`,
        {
          get: {
            summary: `${r.id} — ${r.name} (COUNTER Release 5.1)`,
            parameters: [...CREDENTIALS, ...PERIOD, ...filters],
            responses: { '200': { description: 'the report; Exceptions 3030/3031/3032/3050/3060/3062/3063 in its header', content: json(SCHEMA_OF[path]) }, ...ERRORS },
          },
        },
      ];
    }),
  );
  return {
    schemas: {
      CounterPR: schema(PrSchema),
      CounterPR_P1: schema(PrP1Schema),
      CounterIR: schema(IrSchema),
      CounterIR_A1: schema(IrA1Schema),
      CounterIR_M1: schema(IrM1Schema),
      CounterException: schema(ExceptionSchema),
      CounterStatus: schema(StatusListSchema),
      CounterMembers: schema(MemberListSchema),
      CounterReports: schema(ReportListSchema),
    },
    paths: {
      [`${SUSHI_BASE}/status`]: { get: { summary: 'SUSHI server status (public)', responses: { '200': { description: 'status', content: json('CounterStatus') } } } },
      [`${SUSHI_BASE}/members`]: {
        get: { summary: 'SUSHI members: the customer and those the same credentials open', parameters: CREDENTIALS, responses: { '200': { description: 'members', content: json('CounterMembers') }, ...ERRORS } },
      },
      [`${SUSHI_BASE}/reports`]: {
        get: { summary: 'SUSHI report list with the months available', parameters: CREDENTIALS, responses: { '200': { description: 'reports', content: json('CounterReports') }, ...ERRORS } },
      },
      ...reports,
      '/api/v1/communities/{community}/counter/{report}': {
        get: {
          summary: 'A COUNTER report as a file for the dashboard (tsv, xlsx or json), under the dashboard access rules',
          parameters: [
            { name: 'community', in: 'path', required: true, description: 'community id or slug, or `global`', schema: { type: 'string' } },
            { name: 'report', in: 'path', required: true, description: 'report and format', schema: { type: 'string', pattern: `^(${REPORT_PATHS.join('|')})\\.(tsv|xlsx|json)$` } },
            ...PERIOD,
            ...MASTER,
            ...ITEM,
          ],
          responses: { '200': { description: 'the report file' }, '400': { description: 'invalid dates' }, '404': { description: 'unknown report or community' } },
        },
      },
    },
  };
}
