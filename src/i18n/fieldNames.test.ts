/**
 * One name per field in each language: the `widgets` catalog's `fields.*` own it (column headers,
 * "Show separately", filter chips, notes use it as is), and every default card title about a field
 * says that same name, so French never reads "Types de ressource" in one place and "Types de
 * travaux" in another.
 */
import { describe, expect, it } from 'vitest';
import type { FieldId } from '../core/fields';
import { defaultCommunityLayout, defaultLayout } from '../layout/defaults';
import { createDashboardI18n, LOCALES } from './createI18n';

interface FieldCard {
  id?: string;
  title?: unknown;
  field?: FieldId;
}

const cards = [...defaultLayout.tabs, ...defaultCommunityLayout.tabs]
  .flatMap((tab) => tab.rows.flatMap((row) => row.widgets as FieldCard[]))
  .filter((w): w is FieldCard & { title: string; field: FieldId } => typeof w.title === 'string' && typeof w.field === 'string');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `title` says `name` as whole words ("Types de fichiers" does not say "Types de fichier"), in any case. */
const saysWord = (title: string, name: string) => new RegExp(`(^|[^\\p{L}])${escape(name)}(?![\\p{L}])`, 'iu').test(title);

describe('field names', () => {
  it('covers every breakdown card of the default layouts', () => {
    expect(new Set(cards.map((c) => c.field)).size).toBeGreaterThanOrEqual(11);
  });

  it.each(LOCALES)('in %s, each card title about a field says the field’s one name', (locale) => {
    const i18n = createDashboardI18n({ locale });
    const drift = cards
      .map((c) => ({ id: c.id, title: i18n.t(c.title), field: i18n.t(`widgets:fields.${c.field}`) }))
      .filter((c) => !saysWord(c.title, c.field))
      .map((c) => `${c.id}: "${c.title}" does not say "${c.field}"`);
    expect(drift).toEqual([]);
  });

  it.each(LOCALES)('in %s, no two fields share a name', (locale) => {
    const t = createDashboardI18n({ locale }).t;
    const names = cards.map((c) => c.field).filter((f, i, all) => all.indexOf(f) === i).map((f) => t(`widgets:fields.${f}`));
    expect(new Set(names).size).toBe(names.length);
  });
});
