/**
 * Links a layout puts on the page (a record's page, a search for an item) come from whoever may
 * edit the layout, and they are rendered on the host's page: only `http:`, `https:` and relative
 * URLs are allowed, never `javascript:`, `data:` or any other scheme. Checked when a layout is
 * validated and again when a link is rendered. Pure.
 */

const BASE = 'https://relative.invalid/';

/**
 * Whether a URL (or a URL template with `{id}` placeholders) is http(s) or relative. Parsed as a
 * browser parses an `href` (tabs, newlines and leading spaces are ignored, `JavaScript:` is
 * `javascript:`), so spelling tricks cannot slip a scheme through.
 *
 * @example
 * isSafeUrl('/records/{id}')            // true
 * isSafeUrl('https://example.org/{id}') // true
 * isSafeUrl(' java\tscript:alert(1)')   // false
 */
export function isSafeUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url, BASE);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** The URL when it is safe to put in an `href`, else undefined (rendered as text, not a link). */
export function safeHref(url: string): string | undefined {
  return isSafeUrl(url) ? url : undefined;
}
