/**
 * Demo visitors: each index is a stable person (or crawler) with a country, an address in that
 * country, a browser and sometimes a login. Derived from the index by hashing, so nothing is stored.
 */
import { hash32, mulberry32, pick, weightedSampler } from './random';
import { BOT_AGENTS, BROWSER_AGENTS, COUNTRIES, DOCUMENTATION_BLOCKS } from './traffic';
import { SALT } from './plan';

export interface DemoVisitor {
  /** Stable id used by processed events. */
  id: string;
  /** ISO country code, or null for addresses no database locates. */
  country: string | null;
  ip: string;
  userAgent: string;
  userId: string | null;
  robot: boolean;
}

const countrySampler = weightedSampler(COUNTRIES.map((c) => [c, c.weight] as const));
/** Crawlers by how much they crawl: Googlebot and Bingbot dominate. */
const botSampler = weightedSampler(BOT_AGENTS.map((ua, k) => [ua, k < 2 ? 6 : 1] as const));

export function visitorFor(seed: number, index: number, options: { robot: boolean }): DemoVisitor {
  const h = hash32(seed, SALT.visitor, index, options.robot ? 1 : 0);
  const rng = mulberry32(h);
  const located = options.robot || rng() >= 0.04;
  const country = located ? (options.robot ? COUNTRIES[0]! : countrySampler(rng)) : null;
  const block = country ? pick(rng, country.blocks) : pick(rng, DOCUMENTATION_BLOCKS);
  const ip = `${block}.${1 + Math.floor(rng() * 253)}`;
  return {
    id: `${options.robot ? 'b' : 'v'}${h.toString(16).padStart(8, '0')}`,
    country: country?.code ?? null,
    ip,
    userAgent: options.robot ? botSampler(rng) : pick(rng, BROWSER_AGENTS),
    userId: !options.robot && rng() < 0.08 ? String(1000 + (h % 5000)) : null,
    robot: options.robot,
  };
}
