/**
 * The COUNTER / SUSHI settings: who the platform is (Platform, its ID for proprietary
 * identifiers, its COUNTER Registry record) and the SUSHI customers with their credentials.
 * Read by `server/config.ts` with the rest of the environment, so every problem is listed at once.
 *
 * `REPOSTATS_SUSHI_CUSTOMERS` is a JSON array, inline or in a file:
 * `[{"customer_id": "global", "name": "The World", "api_key": "…"},
 *   {"customer_id": "physics", "name": "Physics Library", "requestor_id": "…"}]`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

export const CounterEnvShape = {
  /** The repository's name as COUNTER's Platform element (section 10.4: "MUST be used to supply the repository name"). */
  REPOSTATS_COUNTER_PLATFORM: z.string().min(2).default('repostats'),
  /** The platform ID: the namespace of Proprietary_ID and Institution_ID values (`repostats:rec-1`). */
  REPOSTATS_COUNTER_PLATFORM_ID: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9_./]{1,17}$/, 'a letter, then 1–17 letters, digits, _ . /')
    .default('repostats'),
  /** The platform's COUNTER Registry record; empty when it has none. */
  REPOSTATS_COUNTER_REGISTRY_RECORD: z
    .string()
    .regex(/^https:\/\/registry\.projectcounter\.org\/platform\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'expected https://registry.projectcounter.org/platform/<uuid>')
    .optional(),
  /** Created_By of the reports. */
  REPOSTATS_COUNTER_CREATED_BY: z.string().min(2).default('repostats'),
  /** A record's landing page with `{id}` for its id (`https://repo.example/records/{id}`), the reports' URI; else the DOI link. */
  REPOSTATS_COUNTER_RECORD_URL: z.string().regex(/^https?:\/\/\S*\{id\}\S*$/, 'expected an http(s) URL containing {id}').optional(),
  /** The SUSHI customers: a JSON array or the path of a file holding one. */
  REPOSTATS_SUSHI_CUSTOMERS: z.string().optional(),
};

export const SushiCustomerSchema = z.strictObject({
  /** `global` (or 0000000000000000) for the whole repository, else a community's id or slug. */
  customer_id: z.string().min(1),
  name: z.string().min(2),
  requestor_id: z.string().min(1).optional(),
  api_key: z.string().min(8, 'at least 8 characters').optional(),
});
export type SushiCustomer = z.infer<typeof SushiCustomerSchema>;

export interface CounterConfig {
  platform: string;
  platformId: string;
  registryRecord: string;
  createdBy: string;
  recordUrl: string | null;
  customers: SushiCustomer[];
}

type CounterEnv = z.output<z.ZodObject<typeof CounterEnvShape>>;

/** The customers list, or the problems that make it unusable (each named by its path). */
function readCustomers(value: string | undefined): { customers: SushiCustomer[]; problems: string[] } {
  if (value === undefined || value.trim() === '') return { customers: [], problems: [] };
  const name = 'REPOSTATS_SUSHI_CUSTOMERS';
  let text = value.trim();
  let where = name;
  if (!text.startsWith('[')) {
    if (!existsSync(text)) return { customers: [], problems: [`${name}: expected a JSON array or the path of a file holding one; no file ${text}`] };
    where = `${name} (${text})`;
    text = readFileSync(text, 'utf8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { customers: [], problems: [`${where}: not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = z.array(SushiCustomerSchema).safeParse(json);
  if (!parsed.success) return { customers: [], problems: parsed.error.issues.map((i) => `${where}: ${i.path.join('.') || '(root)'}: ${i.message}`) };
  return { customers: parsed.data, problems: [] };
}

export function counterConfig(env: CounterEnv): { config: CounterConfig; problems: string[] } {
  const { customers, problems } = readCustomers(env.REPOSTATS_SUSHI_CUSTOMERS);
  return {
    config: {
      platform: env.REPOSTATS_COUNTER_PLATFORM,
      platformId: env.REPOSTATS_COUNTER_PLATFORM_ID,
      registryRecord: env.REPOSTATS_COUNTER_REGISTRY_RECORD ?? '',
      createdBy: env.REPOSTATS_COUNTER_CREATED_BY,
      recordUrl: env.REPOSTATS_COUNTER_RECORD_URL ?? null,
      customers,
    },
    problems,
  };
}
