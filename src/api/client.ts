/**
 * The dashboard's HTTP edge: `getJson` fetches, maps a non-2xx answer to a typed `ApiError`
 * (status + the server's error code) and parses the body with the shared schema on arrival, so
 * nothing unchecked reaches a widget.
 */
import type { z } from 'zod';
import { ErrorBodySchema } from './schemas';

/**
 * A failed API call.
 *
 * @example
 * if (error instanceof ApiError && error.code === 'no_data') showEmpty();
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  /** The server's machine-readable code (`no_data`, `invalid_layout`, …), or `http_<status>` / `invalid_response`. */
  readonly code: string;
  readonly path: string | undefined;
  readonly url: string;

  constructor(options: { status: number; code: string; message: string; url: string; path?: string }) {
    super(options.message);
    this.status = options.status;
    this.code = options.code;
    this.url = options.url;
    this.path = options.path;
  }
}

/** Joins the host's API base (`/api`, `https://stats.example.org/api/`) with a path. */
export function apiUrl(apiBase: string, path: string, query?: Record<string, string | number | null | undefined>): string {
  const base = apiBase.replace(/\/+$/, '');
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== null && value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
}

export interface GetJsonOptions<T extends z.ZodType> {
  url: string;
  schema: T;
  signal?: AbortSignal;
}

export async function getJson<T extends z.ZodType>({ url, schema, signal }: GetJsonOptions<T>): Promise<z.output<T>> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network_error', message: (error as Error).message || 'network error', url });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ErrorBodySchema.safeParse(body);
    throw new ApiError({
      status: response.status,
      code: parsed.success ? parsed.data.error.code : `http_${response.status}`,
      message: parsed.success ? parsed.data.error.message : `${response.status} ${response.statusText}`.trim(),
      path: parsed.success ? parsed.data.error.path : undefined,
      url,
    });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ApiError({
      status: response.status,
      code: 'invalid_response',
      message: `unexpected response: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid body'}`,
      url,
    });
  }
  return parsed.data;
}
