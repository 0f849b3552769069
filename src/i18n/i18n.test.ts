import { describe, expect, it } from 'vitest';
import { FIELD_IDS } from '../core/fields';
import { METRIC_IDS } from '../core/metrics';
import { defaultCommunityLayout, defaultLayout } from '../layout/defaults';
import { createDashboardI18n, LOCALES, NAMESPACES, RESOURCES } from './createI18n';
import { createFormat } from './format';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('catalogs', () => {
  it('when a metric or a field is defined (src/core), then English names it: every language then must too (below)', () => {
    const english = RESOURCES.en.widgets as { metrics: Record<string, string>; fields: Record<string, string> };
    expect(METRIC_IDS.filter((m) => typeof english.metrics[m] !== 'string')).toEqual([]);
    expect(FIELD_IDS.filter((f) => typeof english.fields[f] !== 'string')).toEqual([]);
  });

  for (const ns of NAMESPACES) {
    const english = keysOf(RESOURCES.en[ns]).sort();
    it.each(LOCALES.filter((l) => l !== 'en'))(`when the %s "${ns}" catalog is compared with English, then it has every key and no extra`, (lng) => {
      expect(keysOf(RESOURCES[lng][ns]).sort()).toEqual(english);
    });
  }

  it('when the default layouts name i18n keys, then English has every one of them', () => {
    const i18n = createDashboardI18n({ locale: 'en' });
    const labels = [...defaultLayout.tabs, ...defaultCommunityLayout.tabs].flatMap((tab) => [
      tab.label,
      ...tab.rows.flatMap((r) => r.widgets.flatMap((w) => [w.title, w.type === 'text' ? w.body : undefined])),
    ]);
    const missing = labels.filter((l): l is string => typeof l === 'string' && !i18n.exists(l));
    expect(missing).toEqual([]);
  });
});

describe('createDashboardI18n', () => {
  it.each([
    ['en', 1, 'The dashboard layout is invalid (1 problem):'],
    ['en', 3, 'The dashboard layout is invalid (3 problems):'],
    ['fr', 2, 'La disposition du tableau de bord est invalide (2 problèmes) :'],
    ['de', 1, 'Das Dashboard-Layout ist ungültig (1 Problem):'],
  ])('when %s pluralises %i, then it reads "%s"', (locale, count, expected) => {
    expect(createDashboardI18n({ locale }).t('states.layoutInvalid', { count })).toBe(expected);
  });

  it('when two instances use two languages, then neither changes the other', () => {
    const fr = createDashboardI18n({ locale: 'fr' });
    const de = createDashboardI18n({ locale: 'de' });
    expect([fr.t('controls.granularity.month'), de.t('controls.granularity.month')]).toEqual(['Mois', 'Monat']);
  });

  it('when a catalog uses {{name}} interpolation, then it is filled like ICU {name}', () => {
    const i18n = createDashboardI18n({ locale: 'en', resources: { en: { widgets: { hello: 'Hello {{name}}' } } } });
    expect(i18n.t('hello', { ns: 'widgets', name: 'Ada' })).toBe('Hello Ada');
  });

  it('when a language has no catalog, then English is used', () => {
    expect(createDashboardI18n({ locale: 'pt-BR' }).t('states.retry')).toBe('Retry');
  });
});

describe('createFormat', () => {
  const t = createDashboardI18n({ locale: 'en' }).t;
  it.each([
    ['decimal', 1_500_000, '1.5 MB'],
    ['binary', 1_572_864, '1.5 MiB'],
    ['decimal', 999, '999 bytes'],
  ] as const)('when %s bytes format %i, then it reads %s', (bytes, value, expected) => {
    expect(createFormat({ locale: 'en', bytes, t }).bytes(value)).toBe(expected);
  });

  it.each([
    ['2024-03-12', 'day', 'Mar 12, 2024'],
    ['2024-03-01', 'month', 'Mar 2024'],
    ['2024-04-01', 'quarter', 'Q2 2024'],
    ['2024-01-01', 'year', '2024'],
    ['2024-03-11', 'week', 'Week of Mar 11, 2024'],
  ] as const)('when %s is labelled by %s, then it reads %s', (day, g, expected) => {
    expect(createFormat({ locale: 'en', t }).date(day, g)).toBe(expected);
  });

  it('when numbers and countries are formatted in French, then French conventions apply', () => {
    const f = createFormat({ locale: 'fr', t: createDashboardI18n({ locale: 'fr' }).t });
    expect(f.number(1234567).replace(/\s/g, ' ')).toBe('1 234 567');
    expect(f.country('DE')).toBe('Allemagne');
    expect(f.label({ en: 'Dataset', fr: 'Jeu de données' })).toBe('Jeu de données');
    expect(f.label({ de: 'Datensatz' })).toBe('Datensatz');
  });
});
