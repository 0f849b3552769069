/**
 * Read a dot path from parsed JSON, flattening arrays on the way: `metadata.creators.affiliations`
 * on a record yields every affiliation of every creator. Missing steps yield nothing.
 */
export function readPath(value: unknown, path: string): unknown[] {
  if (path === '') return flatten(value);
  let current: unknown[] = [value];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const item of current) {
      for (const v of flatten(item)) {
        if (v !== null && typeof v === 'object' && key in v) next.push((v as Record<string, unknown>)[key]);
      }
    }
    current = next;
  }
  return current.flatMap(flatten);
}

/** The first value at a path, or undefined. */
export function readFirst(value: unknown, path: string | undefined): unknown {
  if (path === undefined) return value;
  return readPath(value, path)[0];
}

function flatten(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.flatMap(flatten) : [value];
}
