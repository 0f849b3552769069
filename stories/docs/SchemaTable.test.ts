import { describe, expect, it } from 'vitest';
import { SingleStatSchema, WidgetSchema } from '../../src/layout/schema';
import { inputJsonSchema, propRows } from './SchemaTable';

describe('SchemaTable rows (the Widget props docs page)', () => {
  it('when a widget has filters, then the row names it as a list of [operator, field, values] tuples instead of crashing on items: false', () => {
    const filters = propRows(inputJsonSchema(SingleStatSchema)).find((r) => r.name === 'filters');
    expect(filters?.type).toMatch(/^\[.*, .*, .*\]\[\]$/);
    expect(filters?.type).not.toContain('never');
  });

  it('when every widget kind is listed, then each gives rows with a type', () => {
    for (const option of WidgetSchema.options) {
      const rows = propRows(inputJsonSchema(option));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.type).not.toBe('');
    }
  });
});
