/**
 * Layout validation with every problem listed by path, for the visible error panel. Widgets of a
 * type this version does not know are not fatal: they are set aside and the grid shows a notice
 * where each would have been, so one typo never blanks a dashboard.
 */
import type { z } from 'zod';
import { LayoutSchema, WidgetSchema, type Layout } from './schema';

export interface LayoutIssue {
  /** Where the problem is, e.g. `tabs[0].rows[1].widgets[2].metric`. */
  path: string;
  message: string;
}

/** A widget whose `type` is not one of the known types, with where it sits. */
export interface UnknownWidget {
  tab: number;
  row: number;
  index: number;
  type: string;
  width: number;
}

export type LayoutValidation =
  | { ok: true; layout: Layout; unknownWidgets: UnknownWidget[] }
  | { ok: false; issues: LayoutIssue[] };

/** Thrown where a layout must be valid (e.g. `mountStatsDashboard` misuse); carries every issue. */
export class LayoutError extends Error {
  override readonly name = 'LayoutError';
  readonly issues: LayoutIssue[];
  constructor(issues: LayoutIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    this.issues = issues;
  }
}

export const WIDGET_TYPES: readonly string[] = WidgetSchema.options.map((o) => o.shape.type.value);

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function issuesOf(error: z.ZodError): LayoutIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path) || '(root)', message: issue.message }));
}

/** Removes widgets of unknown types from a copy of the input, noting where they were. */
function setAsideUnknown(input: unknown): { input: unknown; unknown: UnknownWidget[] } {
  const unknown: UnknownWidget[] = [];
  if (typeof input !== 'object' || input === null || !Array.isArray((input as { tabs?: unknown }).tabs)) return { input, unknown };
  const tabs = (input as { tabs: unknown[] }).tabs.map((tab, t) => {
    if (typeof tab !== 'object' || tab === null || !Array.isArray((tab as { rows?: unknown }).rows)) return tab;
    const rows = (tab as { rows: unknown[] }).rows.map((row, r) => {
      if (typeof row !== 'object' || row === null || !Array.isArray((row as { widgets?: unknown }).widgets)) return row;
      const widgets = (row as { widgets: unknown[] }).widgets.filter((w, index) => {
        const type = (w as { type?: unknown } | null)?.type;
        if (typeof type !== 'string' || WIDGET_TYPES.includes(type)) return true;
        const width = Number((w as { width?: unknown }).width);
        unknown.push({ tab: t, row: r, index, type, width: Number.isInteger(width) && width >= 1 && width <= 16 ? width : 16 });
        return false;
      });
      return { ...row, widgets };
    });
    return { ...tab, rows };
  });
  return { input: { ...input, tabs }, unknown };
}

function duplicateIds(layout: Layout): LayoutIssue[] {
  const issues: LayoutIssue[] = [];
  const tabIds = new Set<string>();
  const widgetIds = new Set<string>();
  layout.tabs.forEach((tab, t) => {
    if (tabIds.has(tab.id)) issues.push({ path: `tabs[${t}].id`, message: `duplicate tab id "${tab.id}"` });
    tabIds.add(tab.id);
    tab.rows.forEach((row, r) =>
      row.widgets.forEach((w, i) => {
        if (!w.id) return;
        if (widgetIds.has(w.id)) issues.push({ path: `tabs[${t}].rows[${r}].widgets[${i}].id`, message: `duplicate widget id "${w.id}"` });
        widgetIds.add(w.id);
      }),
    );
  });
  return issues;
}

/**
 * @example
 * const result = validateLayout(json);
 * if (!result.ok) result.issues // [{path: 'tabs[0].rows[0].widgets[1].metric', message: 'Invalid option: …'}]
 */
export function validateLayout(input: unknown): LayoutValidation {
  const { input: known, unknown } = setAsideUnknown(input);
  const parsed = LayoutSchema.safeParse(known);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const duplicates = duplicateIds(parsed.data);
  if (duplicates.length > 0) return { ok: false, issues: duplicates };
  return { ok: true, layout: parsed.data, unknownWidgets: unknown };
}
