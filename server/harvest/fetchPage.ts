/**
 * One page of an InvenioRDM records search (`GET /api/records?…`): retried with exponential
 * backoff on network errors, timeouts, 429 and 5xx (honouring `Retry-After`); any other non-2xx is
 * a `HarvestError` naming the URL, the status and what the server said.
 */
import { z } from 'zod';

/** The part of InvenioRDM's search response the harvest reads; hits are validated by the importer. */
export const SearchPageSchema = z.looseObject({
  hits: z.looseObject({
    hits: z.array(z.unknown()),
    total: z.union([z.number(), z.looseObject({ value: z.number() })]).optional(),
  }),
  links: z.looseObject({ next: z.string().optional() }).optional(),
});

export interface SearchPage {
  hits: unknown[];
  total: number | null;
  next: string | null;
  /** The server's clock when it answered (its `Date` header), when given. */
  serverDate: Date | null;
}

export class HarvestError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'HarvestError';
  }
}

export interface FetchOptions {
  token?: string;
  /** Attempts after the first for transient failures (default 5). */
  retries?: number;
  /** First backoff in ms, doubled each attempt up to 30 s (default 1000). */
  backoffMs?: number;
  timeoutMs?: number;
  /** Called before each retry, for the progress display. */
  onRetry?: (info: { url: string; attempt: number; waitMs: number; reason: string }) => void;
}

const MAX_WAIT_MS = 30_000;
const transient = (status: number) => status === 429 || status >= 500;

export async function fetchPage(url: string, options: FetchOptions = {}): Promise<SearchPage> {
  const retries = options.retries ?? 5;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
  for (let attempt = 0; ; attempt += 1) {
    let reason: string;
    let retryAfterMs: number | null = null;
    try {
      const res = await fetch(url, { headers, signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) });
      if (res.ok) return parsePage(url, await res.json().catch(() => undefined), res.headers.get('date'));
      const body = await res.text().catch(() => '');
      if (!transient(res.status)) throw new HarvestError(`GET ${url}: ${res.status} ${res.statusText}${serverMessage(body)}`, res.status);
      reason = `${res.status} ${res.statusText}`;
      retryAfterMs = retryAfter(res.headers.get('retry-after'));
    } catch (error) {
      if (error instanceof HarvestError) throw error;
      reason = error instanceof Error ? error.message : String(error);
    }
    if (attempt >= retries) throw new HarvestError(`GET ${url}: still failing after ${retries + 1} attempts (${reason})`, null);
    const waitMs = Math.min(MAX_WAIT_MS, retryAfterMs ?? (options.backoffMs ?? 1_000) * 2 ** attempt);
    options.onRetry?.({ url, attempt: attempt + 1, waitMs, reason });
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
}

function parsePage(url: string, body: unknown, date: string | null): SearchPage {
  const parsed = SearchPageSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HarvestError(`GET ${url}: not an InvenioRDM search response (${issue?.path.join('.') || 'body'}: ${issue?.message})`, null);
  }
  const { hits, links } = parsed.data;
  const total = hits.total === undefined ? null : typeof hits.total === 'number' ? hits.total : hits.total.value;
  const serverDate = date ? new Date(date) : null;
  return { hits: hits.hits, total, next: links?.next ?? null, serverDate: serverDate && !Number.isNaN(serverDate.getTime()) ? serverDate : null };
}

/** InvenioRDM's errors are JSON `{message, status}`; show the message, else the start of the body. */
function serverMessage(body: string): string {
  try {
    const message = (JSON.parse(body) as { message?: unknown }).message;
    if (typeof message === 'string' && message) return `: ${message}`;
  } catch {
    // not JSON
  }
  const text = body.trim().slice(0, 200);
  return text ? `: ${text}` : '';
}

function retryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
