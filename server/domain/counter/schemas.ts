/**
 * zod schemas of the COUNTER_SUSHI API 5.1 responses repostats sends, written from the
 * specification's OpenAPI 3.1 document: Project-Counter/cop5 `sushi-api/COUNTER_SUSHI_API.json`
 * (5.1, commit 787d0f2), `components.schemas`: Exception, Status, Member, Report, Counts,
 * Base_Report_Header, PR / PR_P1 / IR / IR_A1 / IR_M1 with their Report_Header, Report_Filters,
 * Report_Attributes, Report_Item, Attribute_Performance and Performance, Item_ID, Authors,
 * Organization_ID, Common_Extensions_*. `allOf` + `unevaluatedProperties: false` become one strict
 * object. One correction: Granularity is `Month | Totals` (cop5 PR #295 aligned the API with
 * section 3.3.8 of the Code of Practice; the 5.1 file said `Total`).
 *
 * Tests validate every JSON report against these; the OpenAPI document of this server shows them.
 */
import { z } from 'zod';
import { ACCESS_METHODS, ACCESS_TYPES, DATA_TYPES, ITEM_DATA_TYPES, METRIC_TYPES, RELEASE } from './spec';

const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const PROPRIETARY = /^[a-zA-Z][a-zA-Z0-9_./]{1,17}:.+/;
const REGISTRY = /^(https:\/\/registry.projectcounter.org\/platform\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|)$/;
const nonEmpty = <T extends z.ZodType>(item: T) => z.array(item).min(1);
const minProps = <T extends z.ZodObject>(schema: T, n: number) =>
  schema.refine((o) => Object.keys(o).length >= n, `at least ${n} properties`);

export const ExceptionSchema = z.strictObject({
  Code: z.number().int(),
  Message: z.string().min(2),
  Help_URL: z.url().optional(),
  Data: z.string().optional(),
});

export const StatusSchema = z.object({
  Description: z.string().optional(),
  Service_Active: z.boolean(),
  Registry_Record: z.string().regex(REGISTRY).optional(),
  Note: z.string().optional(),
  Alerts: nonEmpty(z.object({ Date_Time: z.iso.datetime().optional(), Alert: z.string().optional() })).optional(),
});
export const StatusListSchema = nonEmpty(StatusSchema);

const OrganizationIdSchema = z.strictObject({
  ISNI: nonEmpty(z.string().regex(/^[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{3}[0-9X]$/)).optional(),
  ROR: nonEmpty(z.string().regex(/^0[a-z0-9]{6}[0-9]{2}$/)).optional(),
  Proprietary: nonEmpty(z.string().regex(PROPRIETARY)).optional(),
});
export const InstitutionIdSchema = minProps(
  OrganizationIdSchema.extend({ ISIL: nonEmpty(z.string()).optional(), OCLC: nonEmpty(z.string().regex(/^[0-9]+$/)).optional() }),
  1,
);

export const MemberSchema = z.strictObject({
  Institution_Name: z.string().min(2),
  Institution_ID: InstitutionIdSchema.optional(),
  Customer_ID: z.string().min(1),
  Requestor_ID: z.string().min(1).optional(),
  Notes: z.string().min(2).optional(),
});
export const MemberListSchema = nonEmpty(MemberSchema);

export const ReportInfoSchema = z.object({
  Report_Name: z.string().min(2),
  Report_ID: z.string().min(2),
  Release: z.string().min(1),
  Report_Description: z.string().min(2),
  Path: z.string().min(2).optional(),
  First_Month_Available: z.string().regex(/^[0-9]{4}-[0-9]{2}$/),
  Last_Month_Available: z.string().regex(/^[0-9]{4}-[0-9]{2}$/),
});
export const ReportListSchema = nonEmpty(ReportInfoSchema);

export const CountsSchema = z
  .record(z.string().regex(MONTH), z.number().int().min(0))
  .refine((c) => Object.keys(c).length >= 1, 'at least one month');

const performance = <K extends readonly string[]>(metrics: K, min: number) =>
  minProps(z.strictObject(Object.fromEntries(metrics.map((m) => [m, CountsSchema.optional()])) as Record<K[number], z.ZodOptional<typeof CountsSchema>>), min);

const CommonExtensionFilters = {
  Attributed: z.enum(['No', 'Yes']).optional(),
  Country_Code: z.string().regex(/^[A-Z]{2}$/).optional(),
  Subdivision_Code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/).optional(),
};
const CommonExtensionAttributes = {
  Customer_ID: z.string().min(2).optional(),
  Institution_Name: z.string().min(2).optional(),
  Country_Name: z.string().min(2).optional(),
  Country_Code: z.string().regex(/^[A-Z]{2}$/).optional(),
  Subdivision_Name: z.string().min(2).optional(),
  Subdivision_Code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/).optional(),
  Attributed: z.enum(['Yes', 'No']).optional(),
};

const BaseFilters = { Begin_Date: z.iso.date(), End_Date: z.iso.date(), Platform: z.string().min(2).optional() };
const set = <T extends z.ZodType>(item: T) => nonEmpty(item).refine((a) => new Set(a).size === a.length, 'items must be unique');
const Granularity = z.enum(['Month', 'Totals']).optional();

/** Base_Report_Header with the report's own Report_ID, Report_Name, filters and attributes. */
function header<F extends z.ZodType, A extends z.ZodType>(id: string, name: string, filters: F, attributes?: A) {
  return z.strictObject({
    Report_Name: z.literal(name),
    Report_ID: z.literal(id),
    Release: z.literal(RELEASE),
    Institution_Name: z.string().min(2),
    Institution_ID: InstitutionIdSchema,
    Report_Filters: filters,
    ...(attributes ? { Report_Attributes: attributes.optional() } : {}),
    Exceptions: set(ExceptionSchema).optional(),
    Created: z.iso.datetime(),
    Created_By: z.string().min(2),
    Registry_Record: z.string().regex(REGISTRY),
  });
}

const ItemIdSchema = minProps(
  z.strictObject({
    DOI: z.string().regex(/^10\.[1-9][0-9]{2}[0-9.]*\/.+$/).optional(),
    ISBN: z.string().regex(/^97[89]-[0-9]+-[0-9]+-[0-9]+-[0-9]$/).length(17).optional(),
    Online_ISSN: z.string().regex(/^[0-9]{4}-[0-9]{3}[0-9X]$/).optional(),
    Print_ISSN: z.string().regex(/^[0-9]{4}-[0-9]{3}[0-9X]$/).optional(),
    Proprietary: z.string().regex(PROPRIETARY).optional(),
    URI: z.url().optional(),
  }),
  1,
);
const AuthorsSchema = set(
  z.object({
    Name: z.string().min(2),
    ISNI: z.string().regex(/^[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{3}[0-9X]$/).optional(),
    ORCID: z.string().regex(/^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$/).optional(),
  }),
).max(3);
const ArticleVersion = z.enum(['AO', 'SMUR', 'AM', 'P', 'VoR', 'CVoR', 'EVoR']);

// ---- PR and PR_P1 ----
const PR_DATA_TYPES = DATA_TYPES;
const PrHeaderSchema = header(
  'PR',
  'Platform Report',
  z.strictObject({
    ...BaseFilters,
    Access_Method: set(z.enum(ACCESS_METHODS)).optional(),
    Data_Type: set(z.enum([...PR_DATA_TYPES, 'Platform'])).optional(),
    Metric_Type: set(z.enum(METRIC_TYPES.slice(0, 7) as [string, ...string[]])).optional(),
    ...CommonExtensionFilters,
  }),
  minProps(
    z.strictObject({
      Attributes_To_Show: set(z.enum(['Access_Method', 'Institution_Name', 'Customer_ID', 'Country_Name', 'Country_Code', 'Subdivision_Name', 'Subdivision_Code', 'Attributed'])).optional(),
      Granularity,
    }),
    1,
  ),
);
const platformPerformance = z.strictObject({
  Data_Type: z.literal('Platform'),
  Access_Method: z.enum(ACCESS_METHODS).optional(),
  Performance: performance(['Searches_Platform'] as const, 1),
  ...CommonExtensionAttributes,
});
export const PrSchema = z.strictObject({
  Report_Header: PrHeaderSchema,
  Report_Items: z.array(
    z.strictObject({
      Platform: z.string().min(2),
      Attribute_Performance: nonEmpty(
        z.union([
          platformPerformance,
          z.strictObject({
            Data_Type: z.enum(PR_DATA_TYPES),
            Access_Method: z.enum(ACCESS_METHODS).optional(),
            Performance: performance(METRIC_TYPES.slice(1, 7), 2),
            ...CommonExtensionAttributes,
          }),
        ]),
      ),
    }),
  ),
});

const PrP1HeaderSchema = header(
  'PR_P1',
  'Platform Usage',
  z.strictObject({
    ...BaseFilters,
    Access_Method: z.tuple([z.literal('Regular')]),
    Metric_Type: z.tuple([z.literal('Searches_Platform'), z.literal('Total_Item_Requests'), z.literal('Unique_Item_Requests'), z.literal('Unique_Title_Requests')]),
  }),
);
export const PrP1Schema = z.strictObject({
  Report_Header: PrP1HeaderSchema,
  Report_Items: z.array(
    z.strictObject({
      Platform: z.string().min(2),
      Attribute_Performance: nonEmpty(
        z.union([
          z.strictObject({ Data_Type: z.literal('Platform'), Performance: performance(['Searches_Platform'] as const, 1) }),
          z.strictObject({
            Data_Type: z.enum(PR_DATA_TYPES),
            Performance: performance(['Total_Item_Requests', 'Unique_Item_Requests', 'Unique_Title_Requests'] as const, 2),
          }),
        ]),
      ),
    }),
  ),
});

// ---- IR, IR_A1, IR_M1 ----
const IR_METRICS = ['Total_Item_Investigations', 'Total_Item_Requests', 'Unique_Item_Investigations', 'Unique_Item_Requests', 'Limit_Exceeded', 'No_License'] as const;
const ItemBase = {
  Item: z.string(),
  Publisher: z.string(),
  Publisher_ID: minProps(OrganizationIdSchema, 1).optional(),
  Platform: z.string().min(2),
  Item_ID: ItemIdSchema.optional(),
};
const ItemReportItem = { ...ItemBase, Authors: AuthorsSchema.optional(), Publication_Date: z.iso.date().optional(), Article_Version: ArticleVersion.optional() };
const ParentBase = {
  Title: z.string().optional(),
  Authors: AuthorsSchema.optional(),
  Article_Version: ArticleVersion.optional(),
  Item_ID: ItemIdSchema,
  Publication_Date: z.iso.date().optional(),
  Data_Type: z.enum(['Book', 'Conference', 'Database_Full', 'Journal', 'Newspaper_or_Newsletter', 'Reference_Work']).optional(),
};

const IrItemSchema = z.strictObject({
  ...ItemReportItem,
  Attribute_Performance: nonEmpty(
    z.strictObject({
      Data_Type: z.enum(ITEM_DATA_TYPES),
      YOP: z.string().regex(/^[0-9]{4}$/).optional(),
      Access_Type: z.enum(ACCESS_TYPES).optional(),
      Access_Method: z.enum(ACCESS_METHODS).optional(),
      Performance: performance(IR_METRICS, 1),
      ...CommonExtensionAttributes,
    }),
  ),
});
const IrHeaderSchema = header(
  'IR',
  'Item Report',
  z.strictObject({
    ...BaseFilters,
    Author: z.string().min(2).optional(),
    Item_ID: z.string().min(2).optional(),
    Access_Method: set(z.enum(ACCESS_METHODS)).optional(),
    Access_Type: set(z.enum(ACCESS_TYPES)).optional(),
    Data_Type: set(z.enum(ITEM_DATA_TYPES)).optional(),
    Metric_Type: set(z.enum(IR_METRICS)).optional(),
    YOP: set(z.string().regex(/^([0-9]{4}|[0-9]{4}-[0-9]{4})$/)).optional(),
    ...CommonExtensionFilters,
  }),
  minProps(
    z.strictObject({
      Attributes_To_Show: set(z.enum(['YOP', 'Access_Type', 'Access_Method', 'Authors', 'Publication_Date', 'Article_Version', 'Institution_Name', 'Customer_ID', 'Country_Name', 'Country_Code', 'Subdivision_Name', 'Subdivision_Code', 'Attributed'])).optional(),
      Include_Parent_Details: z.enum(['False', 'True']).optional(),
      Include_Component_Details: z.enum(['False', 'True']).optional(),
      Granularity,
    }),
    1,
  ),
);
export const IrSchema = z.strictObject({
  Report_Header: IrHeaderSchema,
  Report_Items: z.array(
    z.union([z.strictObject({ ...ParentBase, Items: nonEmpty(IrItemSchema) }), z.strictObject({ Items: nonEmpty(IrItemSchema) })]),
  ),
});

const requestsHeader = (id: string, name: string, dataTypes: z.ZodType) =>
  header(
    id,
    name,
    z.strictObject({
      ...BaseFilters,
      Access_Method: z.tuple([z.literal('Regular')]),
      Data_Type: dataTypes,
      Metric_Type: z.tuple([z.literal('Total_Item_Requests'), z.literal('Unique_Item_Requests')]),
    }),
  );
const RequestsPerformance = performance(['Total_Item_Requests', 'Unique_Item_Requests'] as const, 2);

const IrA1ItemSchema = z.strictObject({
  ...ItemReportItem,
  Attribute_Performance: nonEmpty(z.strictObject({ Access_Type: z.enum(ACCESS_TYPES), Performance: RequestsPerformance })),
});
export const IrA1Schema = z.strictObject({
  Report_Header: requestsHeader('IR_A1', 'Journal Article Requests', z.tuple([z.literal('Article')])),
  Report_Items: z.array(
    z.union([z.strictObject({ ...ParentBase, Items: nonEmpty(IrA1ItemSchema) }), z.strictObject({ Items: nonEmpty(IrA1ItemSchema) })]),
  ),
});

const MULTIMEDIA = ['Audiovisual', 'Image', 'Interactive_Resource', 'Multimedia', 'Sound'] as const;
export const IrM1Schema = z.strictObject({
  Report_Header: requestsHeader('IR_M1', 'Multimedia Item Requests', z.tuple(MULTIMEDIA.map((d) => z.literal(d)) as never)),
  Report_Items: z.array(
    z.strictObject({
      Items: nonEmpty(
        z.strictObject({
          ...ItemBase,
          Attribute_Performance: nonEmpty(z.strictObject({ Data_Type: z.enum(MULTIMEDIA), Performance: RequestsPerformance })),
        }),
      ),
    }),
  ),
});

/** The JSON schema of each report, by path. */
export const REPORT_SCHEMAS = { pr: PrSchema, pr_p1: PrP1Schema, ir: IrSchema, ir_a1: IrA1Schema, ir_m1: IrM1Schema } as const;
