/**
 * The JSON Schema of the layout format, derived from the zod schema (never written by hand), for
 * editors and the layout docs. `npm run schema` writes it to `schema/layout.schema.json` (checked
 * in) and `dist/lib/layout.schema.json` (published as `repostats/layout.schema.json`).
 */
import { z } from 'zod';
import { LayoutSchema } from './schema';

export const LAYOUT_SCHEMA_ID = 'https://repostats.dev/schema/layout.schema.json';

/** The input form (defaults optional), which is what a site owner writes. */
export function layoutJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(LayoutSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...schema, $id: LAYOUT_SCHEMA_ID, title: 'repostats dashboard layout' };
}
