/**
 * Who may see what. Tokens come as `Authorization: Bearer …`: the admin token (config) opens
 * everything; a community's token (its SHA-256 hex stored in `communities.token_hash`) opens that
 * community. Restricted communities need one of the two (else they answer as unknown ones: 404);
 * disabled dashboards answer `dashboard_disabled` (403) to everyone but the admin.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { GLOBAL } from '../../src/core/kinds';
import type { ServerConfig } from '../config';
import { HttpError, forbidden, unauthorized, unknownCommunity } from './errors';
import type { CommunityRow } from '../storage/communities';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function bearerToken(req: Request): string | null {
  const header = req.get('authorization');
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m?.[1] ?? null;
}

/** Compares two secrets in constant time (for their length). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function isAdmin(req: Request, config: ServerConfig): boolean {
  const token = bearerToken(req);
  return token !== null && config.adminToken !== undefined && sameSecret(token, config.adminToken);
}

/** True when the request carries the admin token or this community's own token. */
export function canManage(req: Request, config: ServerConfig, community: CommunityRow): boolean {
  if (isAdmin(req, config)) return true;
  const token = bearerToken(req);
  return token !== null && community.tokenHash !== null && sameSecret(hashToken(token), community.tokenHash);
}

export function requireAdmin(req: Request, config: ServerConfig): void {
  if (bearerToken(req) === null) throw unauthorized();
  if (!isAdmin(req, config)) throw forbidden('this endpoint needs the admin token');
}

/** Whether the site setting (opt-in / opt-out list) and the community's own flag enable its dashboard. */
export function dashboardEnabled(config: ServerConfig, community: CommunityRow): boolean {
  if (community.id === GLOBAL) return true;
  const listed = config.dashboards.communities.some((c) => c === community.id || c === community.slug);
  const bySetting = config.dashboards.mode === 'opt-in' ? listed : !listed;
  return bySetting && community.enabled;
}

/**
 * Throws unless the request may read this community's dashboard data. A restricted community
 * answers a request without its token exactly as an unknown one does (404), so its existence
 * does not leak; messages name the community as the request did (`requested`), never by its id.
 */
export function requireReadable(req: Request, config: ServerConfig, community: CommunityRow, requested: string): void {
  if (isAdmin(req, config)) return;
  if (community.restricted && !canManage(req, config, community)) throw unknownCommunity(requested);
  if (!dashboardEnabled(config, community)) {
    throw new HttpError(403, 'dashboard_disabled', `the statistics dashboard of community "${requested}" is disabled`);
  }
}

export function requireManager(req: Request, config: ServerConfig, community: CommunityRow): void {
  if (bearerToken(req) === null) throw unauthorized();
  if (!canManage(req, config, community)) throw forbidden('this needs the admin token or the community\'s token');
}
