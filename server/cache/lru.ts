/**
 * A small least-recently-used map bounded by total size, in front of the bundle_cache table so
 * the hot path answers without touching the database.
 */
export class Lru<V> {
  private readonly map = new Map<string, { value: V; size: number }>();
  private total = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    // Re-insert so iteration order puts the most recently used last.
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    const size = this.sizeOf(value);
    if (size > this.maxBytes) return;
    this.map.set(key, { value, size });
    this.total += size;
    for (const [k, v] of this.map) {
      if (this.total <= this.maxBytes) break;
      this.map.delete(k);
      this.total -= v.size;
    }
  }

  delete(key: string): void {
    const hit = this.map.get(key);
    if (!hit) return;
    this.map.delete(key);
    this.total -= hit.size;
  }

  /** Drop every key the predicate selects. */
  deleteWhere(predicate: (key: string, value: V) => boolean): void {
    for (const [key, hit] of [...this.map]) if (predicate(key, hit.value)) this.delete(key);
  }

  /** The keys, least recently used first. */
  keys(): string[] {
    return [...this.map.keys()];
  }

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.map.size;
  }
}
