/**
 * What a raw hit becomes once its IP address is gone: a visitor id (a salted hash that rotates
 * daily, so no visitor can be followed across days or recovered from the database), a session,
 * a country (offline lookup, `geoip-country`), a robot flag (`isbot`) and a referrer host.
 */
import { hash } from 'node:crypto';
import { createRequire } from 'node:module';
import { isbot } from 'isbot';

const require = createRequire(import.meta.url);

interface GeoIp {
  lookup(ip: string): { country?: string } | null;
}
let geoip: GeoIp | null = null;

/** ISO 3166-1 alpha-2 country of an IP address, or null (private ranges, unknown). */
export function countryOf(ip: string): string | null {
  // Loaded on first use: its database costs ~30 ms and ~40 MB, which processed-event imports never need.
  geoip ??= require('geoip-country') as GeoIp;
  return geoip.lookup(ip)?.country ?? null;
}

export function isRobot(userAgent: string): boolean {
  return isbot(userAgent);
}

const joinParts = (parts: readonly (string | number | null | undefined)[]) =>
  parts.map((p) => (p === null || p === undefined ? '' : String(p))).join('\u001f');

/** A short, stable hash (base64url of SHA-256, 22 characters = 128 bits), for anything derived from personal data. */
export function shortHash(...parts: (string | number | null | undefined)[]): string {
  return hash('sha256', joinParts(parts), 'base64url').slice(0, 22);
}

/** A fast 128-bit key (MD5, base64url) for idempotency keys of non-personal fields; not for secrets. */
export function fastKey(...parts: (string | number | null | undefined)[]): string {
  return hash('md5', joinParts(parts), 'base64url');
}

/** hash(salt + day + (user id, else IP + user agent)): the same person gets a new id every day. */
export function visitorId(options: { salt: string; day: string; userId?: string | null; ip: string; userAgent: string }): string {
  const who = options.userId ? `u:${options.userId}` : `a:${options.ip}\u001f${options.userAgent}`;
  return shortHash(options.salt, options.day, who);
}

/** COUNTER's session when none is given: date + hour + visitor (already pseudonymous, so not hashed again). */
export function sessionId(options: { ts: string; visitorId: string }): string {
  return `${options.visitorId}@${options.ts.slice(0, 13)}`;
}

/** A referrer reduced to its host (`https://www.google.com/search?q=x` → `www.google.com`); non-URLs kept as given. */
export function referrerHost(referrer: string | null | undefined): string | null {
  if (!referrer || referrer.trim() === '') return null;
  try {
    const url = new URL(referrer.trim());
    return url.host === '' ? null : url.host.toLowerCase();
  } catch {
    return referrer.trim().toLowerCase();
  }
}
