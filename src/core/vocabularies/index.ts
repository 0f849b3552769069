/**
 * Reader-facing names for subcount items, in the viewer's language. One place decides, for every
 * widget, table and export:
 *
 * 1. the item's own label in the viewer's language (when it is non-empty and not just the id);
 * 2. the shipped vocabulary (access statuses, resource types, file types) in that language;
 * 3. `Intl.DisplayNames` for countries (ISO 3166 alpha-2) and languages (ISO 639);
 * 4. the item's label in any language (English first);
 * 5. the id, humanised (`publication-thesis` → "Publication thesis"; URIs, paths and dotted ids
 *    such as a referrer's host name `www.google.com` kept as written).
 */
import type { FieldId } from '../fields';
import { ACCESS_STATUSES } from './accessStatuses';
import { FILE_TYPES, fileTypeFallback } from './fileTypes';
import { termOf } from './fill';
import { RESOURCE_TYPES } from './resourceTypes';
import type { Vocabulary } from './types';

export type { Term, Vocabulary } from './types';
export { ACCESS_STATUSES, FILE_TYPES, RESOURCE_TYPES };
export { termOf, withTerm, type Labels } from './fill';

/**
 * The shipped vocabulary of each field that has one in the viewer's language. Licences (`rights`,
 * `./licenses.ts`) are English-only and reach the library through the server's labels.
 */
export const VOCABULARIES: Partial<Record<FieldId, Vocabulary>> = {
  access_statuses: ACCESS_STATUSES,
  resource_types: RESOURCE_TYPES,
  file_types: FILE_TYPES,
};

export interface NamedItem {
  id: string;
  labels?: Readonly<Record<string, string>>;
}

/**
 * `publication-thesis` → "Publication thesis"; ids that are URIs, paths or dotted names (host
 * names, DOIs) stay as written: "Www google com" names nothing a reader knows.
 */
export function humaniseId(id: string): string {
  if (/[/:.]/.test(id)) return id;
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : id;
}

function displayNames(locale: string, type: 'region' | 'language'): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale], { type, fallback: 'none' });
  } catch {
    return null; // runtimes without DisplayNames fall through to labels and the id
  }
}

function intlName(names: Intl.DisplayNames | null, code: string): string | undefined {
  try {
    return names?.of(code) ?? undefined;
  } catch {
    return undefined; // not a well-formed code
  }
}

/** Builds the namer for one locale (BCP 47 tag); call it once per dashboard and reuse it. */
export function createItemNamer(locale: string): (field: FieldId | string, item: NamedItem) => string {
  const language = locale.split('-')[0] ?? locale;
  const regions = displayNames(locale, 'region');
  const languages = displayNames(locale, 'language');
  const useful = (label: string | undefined, id: string) => (label && label.trim() && label !== id ? label : undefined);

  return (field, item) => {
    const { id } = item;
    const labels = item.labels ?? {};
    const own = useful(labels[locale], id) ?? useful(labels[language], id);
    if (own) return own;
    const term = termOf(VOCABULARIES[field as FieldId], id);
    if (term) return term[language] ?? term['en'] ?? humaniseId(id);
    if (field === 'countries') {
      const name = /^[a-z]{2}$/i.test(id) ? intlName(regions, id.toUpperCase()) : undefined;
      if (name) return name;
    }
    if (field === 'languages') {
      const name = /^[a-z]{2,3}$/i.test(id) ? intlName(languages, id.toLowerCase()) : undefined;
      if (name) return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
    }
    const any = useful(labels.en, id) ?? Object.values(labels).find((l) => useful(l, id));
    if (any) return any;
    if (field === 'file_types') return fileTypeFallback(id);
    return humaniseId(id);
  };
}
