/**
 * What the playground knows about the text in its editor: either a layout the dashboard can
 * draw, or the list of problems, each with the path a site owner can find in the JSON. The
 * problems are the dashboard's own (`validateLayout`, the same check behind its error panel), so
 * the playground never accepts what the dashboard refuses. Pure (no DOM, no CodeMirror): it drives
 * the problem list, the inline marks and the tests.
 */
import type { Layout } from '../../src/layout/schema';
import { validateLayout } from '../../src/layout/validate';

export interface LayoutProblem {
  /** Readable path, e.g. `tabs[0].rows[1].widgets[2].metric`; `(root)` for the whole document. */
  path: string;
  /** JSON Pointer of the same place (`/tabs/0/rows/1/widgets/2/metric`), used to mark the editor. */
  pointer: string;
  message: string;
  /** Character offset for JSON syntax errors, where no pointer exists yet. */
  offset?: number;
}

export type LayoutCheck =
  | { status: 'valid'; layout: Layout; warnings: LayoutProblem[] }
  | { status: 'invalid'; problems: LayoutProblem[] };

/** `tabs[0].rows[1].label` → `/tabs/0/rows/1/label` (RFC 6901 escaping); `(root)` → ``. */
export function pathToPointer(path: string): string {
  if (path === '(root)' || path === '') return '';
  const keys = path.match(/[^.[\]]+/g) ?? [];
  return keys.map((key) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The character offset V8's JSON.parse reports (`… at position 42 (line 3 column 5)`). */
function syntaxOffset(message: string): number | undefined {
  const match = /position (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}

export function checkLayoutText(text: string): LayoutCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: 'invalid',
      problems: [{ path: '(root)', pointer: '', message: `Not valid JSON: ${message}`, offset: syntaxOffset(message) }],
    };
  }
  const result = validateLayout(value);
  if (!result.ok) {
    return { status: 'invalid', problems: result.issues.map((issue) => ({ ...issue, pointer: pathToPointer(issue.path) })) };
  }
  // Unknown widget types are not fatal (the dashboard shows a notice in their place), but a site
  // owner designing a layout wants to hear about them.
  const warnings = result.unknownWidgets.map(({ tab, row, index, type }) => {
    const path = `tabs[${tab}].rows[${row}].widgets[${index}].type`;
    return { path, pointer: pathToPointer(path), message: `unknown widget type "${type}": the dashboard shows a notice in its place` };
  });
  return { status: 'valid', layout: result.layout, warnings };
}
