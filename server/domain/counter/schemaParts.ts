/**
 * The building blocks of the COUNTER_SUSHI API 5.1 schemas (see `schemas.ts` for the source):
 * Exception, Status, Member, Report, Counts, Organization_ID / Institution_ID, Item_ID, Authors,
 * Base_Report_Header and Base_Report_Filters, the common extensions.
 */
import { z } from 'zod';
import { RELEASE } from './spec';

const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const PROPRIETARY = /^[a-zA-Z][a-zA-Z0-9_./]{1,17}:.+/;
const REGISTRY = /^(https:\/\/registry.projectcounter.org\/platform\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|)$/;
export const nonEmpty = <T extends z.ZodType>(item: T) => z.array(item).min(1);
export const minProps = <T extends z.ZodObject>(schema: T, n: number) =>
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

export const OrganizationIdSchema = z.strictObject({
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

export const performance = <K extends readonly string[]>(metrics: K, min: number) =>
  minProps(z.strictObject(Object.fromEntries(metrics.map((m) => [m, CountsSchema.optional()])) as Record<K[number], z.ZodOptional<typeof CountsSchema>>), min);

export const CommonExtensionFilters = {
  Attributed: z.enum(['No', 'Yes']).optional(),
  Country_Code: z.string().regex(/^[A-Z]{2}$/).optional(),
  Subdivision_Code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/).optional(),
};
export const CommonExtensionAttributes = {
  Customer_ID: z.string().min(2).optional(),
  Institution_Name: z.string().min(2).optional(),
  Country_Name: z.string().min(2).optional(),
  Country_Code: z.string().regex(/^[A-Z]{2}$/).optional(),
  Subdivision_Name: z.string().min(2).optional(),
  Subdivision_Code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/).optional(),
  Attributed: z.enum(['Yes', 'No']).optional(),
};

export const BaseFilters = { Begin_Date: z.iso.date(), End_Date: z.iso.date(), Platform: z.string().min(2).optional() };
export const set = <T extends z.ZodType>(item: T) => nonEmpty(item).refine((a) => new Set(a).size === a.length, 'items must be unique');
export const Granularity = z.enum(['Month', 'Totals']).optional();

/** Base_Report_Header with the report's own Report_ID, Report_Name, filters and attributes. */
export function header<F extends z.ZodType, A extends z.ZodType>(id: string, name: string, filters: F, attributes?: A) {
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

export const ItemIdSchema = minProps(
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
export const AuthorsSchema = set(
  z.object({
    Name: z.string().min(2),
    ISNI: z.string().regex(/^[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{3}[0-9X]$/).optional(),
    ORCID: z.string().regex(/^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$/).optional(),
  }),
).max(3);
export const ArticleVersion = z.enum(['AO', 'SMUR', 'AM', 'P', 'VoR', 'CVoR', 'EVoR']);
