/**
 * Renders a JSON Schema object's properties as a table, so docs pages show the layout and widget
 * props straight from the zod schema (via `z.toJSONSchema`) instead of retyping them.
 */
import type { z } from 'zod';
import { toJSONSchema } from 'zod';

type Json = Record<string, unknown>;

export interface PropRow {
  name: string;
  type: string;
  required: boolean;
  defaultValue: string;
  allowed: string;
  description: string;
}

/** A JSON Schema may be a boolean: `true` allows anything, `false` nothing (a tuple's `items: false`). */
function typeOf(schema: Json | boolean): string {
  if (schema === true) return 'any';
  if (schema === false) return 'never';
  if ('const' in schema) return JSON.stringify(schema.const);
  // A tuple (e.g. a filter: [operator, field, values]): its items in order.
  if (schema.type === 'array' && Array.isArray(schema.prefixItems)) return `[${(schema.prefixItems as (Json | boolean)[]).map(typeOf).join(', ')}]`;
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map(typeOf).join(' | ');
  if (Array.isArray(schema.oneOf)) return (schema.oneOf as Json[]).map(typeOf).join(' | ');
  if (schema.type === 'array') return `${typeOf((schema.items as Json | boolean | undefined) ?? true)}[]`;
  if (schema.type === 'object' && schema.additionalProperties) return `{ [lang]: ${typeOf(schema.additionalProperties as Json)} }`;
  if (Array.isArray(schema.enum)) return 'enum';
  return String(schema.type ?? 'any');
}

function allowedOf(schema: Json): string {
  const items = schema.items as Json | boolean | undefined;
  const inner = schema.type === 'array' && typeof items === 'object' ? items : schema;
  if (Array.isArray(inner.enum)) return inner.enum.map(String).join(', ');
  const bounds = [
    inner.minimum !== undefined ? `≥ ${String(inner.minimum)}` : '',
    inner.maximum !== undefined ? `≤ ${String(inner.maximum)}` : '',
    schema.minItems !== undefined ? `at least ${String(schema.minItems)} item(s)` : '',
    inner.pattern !== undefined ? `matches ${String(inner.pattern)}` : '',
  ].filter(Boolean);
  return bounds.join(', ');
}

/** One row per property of an object schema, in declaration order. */
export function propRows(schema: Json): PropRow[] {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, prop]) => ({
    name,
    type: typeOf(prop),
    required: required.has(name),
    defaultValue: prop.default === undefined ? '' : JSON.stringify(prop.default),
    allowed: allowedOf(prop),
    description: typeof prop.description === 'string' ? prop.description : '',
  }));
}

/** The input shape (what a layout author writes: defaults optional). */
export function inputJsonSchema(schema: z.ZodType): Json {
  return toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
}

export function SchemaTable({ schema, caption }: { schema: z.ZodType; caption?: string }) {
  const rows = propRows(inputJsonSchema(schema));
  return (
    <table className="rs-docs-schema">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Property</th>
          <th scope="col">Type</th>
          <th scope="col">Required</th>
          <th scope="col">Default</th>
          <th scope="col">Allowed values</th>
          {rows.some((r) => r.description) && <th scope="col">Description</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th scope="row">
              <code>{row.name}</code>
            </th>
            <td>
              <code>{row.type}</code>
            </td>
            <td>{row.required ? 'yes' : 'no'}</td>
            <td>{row.defaultValue && <code>{row.defaultValue}</code>}</td>
            <td style={{ maxWidth: 360 }}>{row.allowed}</td>
            {rows.some((r) => r.description) && <td>{row.description}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The whole JSON Schema, pretty-printed, for copy-paste into editors. */
export function SchemaSource({ schema }: { schema: z.ZodType }) {
  return (
    <pre style={{ maxHeight: 480, overflow: 'auto', fontSize: 12 }}>
      <code>{JSON.stringify(inputJsonSchema(schema), null, 2)}</code>
    </pre>
  );
}
