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
import { ACCESS_METHODS, ACCESS_TYPES, DATA_TYPES, ITEM_DATA_TYPES, METRIC_TYPES } from './spec';
import {
  nonEmpty, minProps, performance, set, header, OrganizationIdSchema, ItemIdSchema, AuthorsSchema, ArticleVersion, CommonExtensionFilters, CommonExtensionAttributes, BaseFilters, Granularity,
} from './schemaParts';

export { CountsSchema, ExceptionSchema, InstitutionIdSchema, MemberListSchema, MemberSchema, ReportInfoSchema, ReportListSchema, StatusListSchema, StatusSchema } from './schemaParts';

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
