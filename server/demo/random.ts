/**
 * Seeded randomness for the demo generator. Everything the demo produces is a pure function of
 * (size, seed, end date): each record and each day draws from its own stream, seeded by hashing
 * the run seed with the record index or day, so any record can be rebuilt on its own (the events
 * generator rebuilds a record's files without keeping them in memory).
 */

/** A uniform [0, 1) generator. */
export type Rng = () => number;

/** mulberry32: small, fast, good enough for synthetic data (not for cryptography). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes several integers into one 32-bit hash (murmur3 finaliser per step). */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h ^= Math.imul((p >>> 0) ^ Math.floor(p / 4294967296), 0xcc9e2d51);
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A stream dedicated to one purpose (`salt`) of one item (`index`) of one run (`seed`). */
export function streamFor(seed: number, salt: number, index = 0): Rng {
  return mulberry32(hash32(seed, salt, index));
}

export function intBetween(rng: Rng, min: number, maxInclusive: number): number {
  return min + Math.floor(rng() * (maxInclusive - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** Standard normal by Box–Muller. */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Log-normal with the given median and spread (sigma of the underlying normal). */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}

/** Pareto with minimum 1 and tail index `alpha`: heavy-tailed popularity. */
export function pareto(rng: Rng, alpha: number): number {
  return Math.pow(1 - rng(), -1 / alpha);
}

/**
 * A sampler over weighted items: cumulative weights + binary search, O(log n) per draw.
 * @example weightedSampler([['a', 3], ['b', 1]])(rng) // 'a' three times as often as 'b'
 */
export function weightedSampler<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) {
    total += w;
    cumulative.push(total);
  }
  return (rng) => {
    const target = rng() * total;
    return entries[upperBound(cumulative, target)]![0];
  };
}

/** Index of the first element strictly greater than `target` among the first `length`; `length` when none is. */
export function upperBound(sorted: ArrayLike<number>, target: number, length = sorted.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Draws `count` distinct items (order of first draw), fewer if there are not enough. */
export function pickDistinct<T>(rng: Rng, count: number, draw: (rng: Rng) => T): T[] {
  const out: T[] = [];
  for (let tries = 0; out.length < count && tries < count * 6; tries++) {
    const item = draw(rng);
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

const PID_BITS = 50n;
const PID_MASK = (1n << PID_BITS) - 1n;

/**
 * An InvenioRDM-style id (`jthhs-g4b38`) unique per (seed, namespace, index): odd multipliers and
 * xor-shifts are bijections modulo 2^50, so distinct inputs never collide, and the digits look random.
 */
export function pidFor(seed: number, namespace: number, index: number): string {
  let x = (BigInt(index) + (BigInt(hash32(seed, namespace)) << 18n)) & PID_MASK;
  x = (x * 0x5deece66dn + 0xbn) & PID_MASK;
  x ^= x >> 23n;
  x = (x * 0x2545f4914f6cdd1dn) & PID_MASK;
  x ^= x >> 27n;
  let v = Number(x);
  let s = '';
  for (let k = 0; k < 10; k++) {
    s = CROCKFORD[v % 32] + s;
    v = Math.floor(v / 32);
  }
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** A UUID-shaped id derived from the seed (communities in InvenioRDM are UUIDs). */
export function uuidFor(seed: number, namespace: number, index: number): string {
  const hex = [0, 1, 2, 3].map((k) => hash32(seed, namespace, index, k).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
