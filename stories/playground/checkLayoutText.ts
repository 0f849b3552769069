/**
 * What the playground knows about the text in its editor: either a layout the dashboard can
 * draw, or the list of problems, each with the path a site owner can find in the JSON.
 * Pure (no DOM, no CodeMirror) so the same function drives the error list, the inline marks
 * and the tests.
 */
import { LayoutSchema, type Layout } from '../../src/layout/schema';

export interface LayoutProblem {
  /** Readable path, e.g. `tabs[0].rows[1].widgets[2].metric`; `(document)` for the root. */
  path: string;
  /** JSON Pointer of the same place (`/tabs/0/rows/1/widgets/2/metric`), used to mark the editor. */
  pointer: string;
  message: string;
  /** Character offset for JSON syntax errors, where no pointer exists yet. */
  offset?: number;
}

export type LayoutCheck = { status: 'valid'; layout: Layout } | { status: 'invalid'; problems: LayoutProblem[] };

/** `['tabs', 0, 'label']` → `tabs[0].label`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(document)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** `['tabs', 0, 'label']` → `/tabs/0/label` (RFC 6901 escaping). */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
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
      problems: [{ path: '(document)', pointer: '', message: `Not valid JSON: ${message}`, offset: syntaxOffset(message) }],
    };
  }
  const parsed = LayoutSchema.safeParse(value);
  if (parsed.success) return { status: 'valid', layout: parsed.data };
  return {
    status: 'invalid',
    problems: parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      pointer: toPointer(issue.path),
      message: issue.message,
    })),
  };
}
