/**
 * `npm run schema`: writes the layout JSON Schema (derived from the zod LayoutSchema) to
 * schema/layout.schema.json (checked in, for editors) and dist/lib/layout.schema.json (published).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { layoutJsonSchema } from '../src/layout/jsonSchema';

const root = resolve(import.meta.dirname, '..');
const text = `${JSON.stringify(layoutJsonSchema(), null, 2)}\n`;
for (const target of ['schema/layout.schema.json', 'dist/lib/layout.schema.json']) {
  const file = resolve(root, target);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${target} (${text.length} bytes)`);
}
