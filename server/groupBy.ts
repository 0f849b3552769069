/**
 * Items grouped by a key, in first-seen order of keys and items.
 *
 * @example
 * groupBy([{ f: 'a' }, { f: 'b' }, { f: 'a' }], (r) => r.f) // Map { 'a' => [{f:'a'}, {f:'a'}], 'b' => [{f:'b'}] }
 */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
