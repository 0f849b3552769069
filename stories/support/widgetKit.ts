/**
 * What a presentational widget view needs besides its data (`t` and `format`), for the toolbar's
 * language: a real i18next instance over the shipped catalogs (ICU syntax, as the dashboard uses)
 * and the real formatter. One instance per language, made on first use.
 */
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { createFormat } from '../../src/core/format/format';
import en from '../../src/i18n/locales/en/widgets.json';
import fr from '../../src/i18n/locales/fr/widgets.json';
import de from '../../src/i18n/locales/de/widgets.json';
import es from '../../src/i18n/locales/es/widgets.json';
import type { ViewCommon, WidgetT } from '../../src/components/widgets/shared/types';
import type { StorybookLocale } from './globals';

const CATALOGS: Record<StorybookLocale, unknown> = { en, fr, de, es };
const kits = new Map<StorybookLocale, ViewCommon>();

function makeT(locale: StorybookLocale): WidgetT {
  const instance = i18next.createInstance();
  void instance.use(ICU).init({
    lng: locale,
    fallbackLng: 'en',
    ns: ['widgets'],
    defaultNS: 'widgets',
    initAsync: false,
    resources: Object.fromEntries(Object.entries(CATALOGS).map(([l, c]) => [l, { widgets: c as Record<string, unknown> }])),
  });
  const t = instance.getFixedT(locale, 'widgets');
  return (key, options) => String(t(key, options as never));
}

export function widgetKit(locale: StorybookLocale): ViewCommon {
  let kit = kits.get(locale);
  if (!kit) {
    kit = { t: makeT(locale), format: createFormat(locale) };
    kits.set(locale, kit);
  }
  return kit;
}
