/**
 * Bad layouts: `validateLayout` never throws, whatever it is given, and every problem it reports
 * has a path and a message (the error panel lists them).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultLayout } from '../../src/layout/defaults';
import { validateLayout } from '../../src/layout/validate';

function expectWellFormed(input: unknown): void {
  const result = validateLayout(input);
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(issue.path).toMatch(/\S/);
    expect(issue.message).toMatch(/\S/);
  }
}

/** Every path (as keys) inside a JSON value. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

const PATHS = pathsOf(defaultLayout);

describe('validateLayout with malformed layouts', () => {
  it('when given any JSON-like value, then it never throws and every issue has a path and a message', () => {
    fc.assert(fc.property(fc.anything(), (input) => expectWellFormed(input)), { numRuns: 300, seed: 9 });
  });

  it('when one place of the default layout is replaced by any value, then it never throws and names the problem', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fc.jsonValue(), (path, value) => {
        const mutated = setAt(defaultLayout, path, value);
        expectWellFormed(mutated);
        const result = validateLayout(mutated);
        // A wrong top-level value can only be reported at the root; deeper ones at or below their parent.
        if (!result.ok && path.length > 1) {
          const parent = path.slice(0, -1).map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').replace(/^\./, '');
          expect(result.issues.some((i) => i.path.startsWith(parent.split('[')[0]!))).toBe(true);
        }
      }),
      { numRuns: 400, seed: 11 },
    );
  });
});
