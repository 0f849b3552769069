/**
 * Who may harvest what over SUSHI (section 8.2 of the Code of Practice): a configured customer's
 * `api_key`, or its `requestor_id` with its `customer_id`; the admin token as `api_key` opens every
 * customer. `customer_id` `global` (or COUNTER's 0000000000000000, "The World") is the whole
 * repository and open to every valid credential; a community's id or slug is that community.
 * Disabled communities answer 2010 to everyone but the admin. Secrets are compared in constant time.
 */
import type { SushiCustomer } from '../config/counter';
import { GLOBAL } from '../../src/core/kinds';
import { institutionId } from '../domain/counter/json';
import type { CounterCustomer } from '../domain/counter/service';
import { SushiError, WORLD_CUSTOMER_ID } from '../domain/counter/spec';
import { dashboardEnabled, sameSecret } from './access';
import type { ServerContext } from './context';
import { HttpError } from './errors';

export interface SushiGrant {
  admin: boolean;
  /** The configured customers whose credentials the request presented. */
  customers: SushiCustomer[];
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
export const isWorld = (customerId: string) => customerId === GLOBAL || customerId === WORLD_CUSTOMER_ID;

/** The request's customer_id and the credentials it presents (1030 / 2020 / 2000 when they do not do). */
export function authenticate(query: Record<string, unknown>, ctx: Pick<ServerContext, 'config'>): { customerId: string; grant: SushiGrant } {
  const customerId = text(query['customer_id']);
  if (customerId === null) throw new SushiError(1030, 'customer_id is required');
  const apiKey = text(query['api_key']);
  const requestorId = text(query['requestor_id']);
  if (apiKey === null && requestorId === null) throw new SushiError(1030, 'api_key or requestor_id is required');
  const { adminToken, counter } = ctx.config;
  if (apiKey !== null) {
    if (adminToken !== undefined && sameSecret(apiKey, adminToken)) return { customerId, grant: { admin: true, customers: [] } };
    const customers = counter.customers.filter(
      (c) => c.api_key !== undefined && sameSecret(c.api_key, apiKey) && (c.requestor_id === undefined || (requestorId !== null && sameSecret(c.requestor_id, requestorId))),
    );
    if (customers.length === 0) throw new SushiError(2020, 'the api_key is not valid');
    return { customerId, grant: { admin: false, customers } };
  }
  const customers = counter.customers.filter((c) => c.api_key === undefined && c.requestor_id !== undefined && sameSecret(c.requestor_id, requestorId as string));
  if (customers.length === 0) throw new SushiError(2000, 'the requestor_id is not recognised');
  return { customerId, grant: { admin: false, customers } };
}

/** The customer a granted request may see (2010 otherwise). */
export async function authorize(ctx: ServerContext, grant: SushiGrant, customerId: string): Promise<CounterCustomer> {
  if (isWorld(customerId)) {
    const entry = grant.customers.find((c) => isWorld(c.customer_id));
    return { customerId, community: GLOBAL, institutionName: entry?.name ?? 'The World', includeRestricted: grant.admin };
  }
  const community = await ctx.community(customerId).catch((error: unknown) => {
    if (error instanceof HttpError && error.status === 404) throw new SushiError(2010, `customer_id "${customerId}" is not known`);
    throw error;
  });
  const entry = grant.customers.find((c) => c.customer_id === community.id || (community.slug !== null && c.customer_id === community.slug));
  if (!grant.admin && !entry) throw new SushiError(2010, `these credentials do not open customer_id "${customerId}"`);
  if (!grant.admin && !dashboardEnabled(ctx.config, community)) throw new SushiError(2010, `the statistics of "${customerId}" are disabled`);
  return { customerId, community: community.id, institutionName: entry?.name ?? community.title ?? community.id, includeRestricted: false };
}

/** `GET /r51/members`: the customer itself, then the others the same credentials open (every community for the admin on `global`). */
export async function memberList(ctx: ServerContext, grant: SushiGrant, customer: CounterCustomer) {
  const identity = (customerId: string) => ({ Proprietary: [institutionId(ctx.config.counter.platformId, customerId)] });
  const members = [{ Customer_ID: customer.customerId, Institution_Name: customer.institutionName, Institution_ID: identity(customer.customerId) }];
  const seen = new Set([customer.customerId]);
  const others = grant.admin && isWorld(customer.customerId)
    ? (await ctx.communities()).map((c) => ({ customer_id: c.id, name: c.title ?? c.id }))
    : grant.customers;
  for (const c of others) {
    if (seen.has(c.customer_id)) continue;
    seen.add(c.customer_id);
    members.push({ Customer_ID: c.customer_id, Institution_Name: c.name, Institution_ID: identity(c.customer_id) });
  }
  return members;
}
