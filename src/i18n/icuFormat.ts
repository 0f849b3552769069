/**
 * An i18next `i18nFormat` module rendering ICU MessageFormat with `intl-messageformat`.
 *
 * Why not i18next-icu: its ESM build default-imports the CommonJS `intl-messageformat`, which
 * under Node's ESM loader (SSR hosts, Vitest) yields the module object, not the class, so every
 * message fails to parse. The named export used here resolves in Node and in bundlers alike.
 * It also reads i18next-style `{{name}}` as ICU `{name}`, so catalogs written either way work.
 */
import { IntlMessageFormat } from 'intl-messageformat';

export class IcuFormat {
  readonly type = 'i18nFormat' as const;
  private readonly cache = new Map<string, IntlMessageFormat>();

  init(): void {}

  parse(res: unknown, options: Record<string, unknown> | undefined, lng: string, ns: string, key: string): unknown {
    if (typeof res !== 'string') return res;
    const cacheKey = `${lng}\u0000${ns}\u0000${key}\u0000${res}`;
    let message = this.cache.get(cacheKey);
    try {
      if (!message) {
        message = new IntlMessageFormat(res.replace(/\{\{\s*([\w.]+)\s*\}\}/g, '{$1}'), lng, undefined, { ignoreTag: true });
        this.cache.set(cacheKey, message);
      }
      return message.format(options as Record<string, string | number>) as string;
    } catch {
      // A broken message (or a missing variable) shows its source rather than blanking the widget.
      return res;
    }
  }

  addLookupKeys(finalKeys: string[]): string[] {
    return finalKeys; // ICU resolves plurals inside one message: no suffixed keys
  }
}
