/**
 * "Save to server": `PUT {apiBase}/v1/communities/{id}/layout` with the community's (or the
 * admin) token. The server validates the body with the same layout schema; its error body
 * (`{error: {code, message, path?}}`) is surfaced as-is so a site owner sees the path.
 */
import { ErrorBodySchema } from '../../src/api/schemas';
import type { LayoutInput } from '../../src/layout/schema';

export interface SaveLayoutOptions {
  apiBase: string;
  community: string;
  token: string;
  layout: LayoutInput;
  fetchImpl?: typeof fetch;
}

export type SaveResult = { ok: true } | { ok: false; status: number; message: string; path?: string };

export function layoutUrl(apiBase: string, community: string): string {
  return `${apiBase.replace(/\/$/, '')}/v1/communities/${encodeURIComponent(community)}/layout`;
}

export async function saveLayout({ apiBase, community, token, layout, fetchImpl = fetch }: SaveLayoutOptions): Promise<SaveResult> {
  let response: Response;
  try {
    response = await fetchImpl(layoutUrl(apiBase, community), {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(layout),
    });
  } catch (error) {
    return { ok: false, status: 0, message: error instanceof Error ? error.message : String(error) };
  }
  if (response.ok) return { ok: true };
  const body = ErrorBodySchema.safeParse(await response.json().catch(() => null));
  if (!body.success) return { ok: false, status: response.status, message: response.statusText || `HTTP ${response.status}` };
  return { ok: false, status: response.status, message: body.data.error.message, path: body.data.error.path };
}
